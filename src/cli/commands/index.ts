import type { MessageKey } from '../../i18n/index.js';
import type { Command } from '../context.js';

/** A sub-command as `vigie --help` lists it; its module is loaded only when it runs. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: MessageKey;
  load(): Promise<Command>;
}

/** The `vigie` sub-commands, in the order `vigie --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'validate',
    summary: 'cli.validate.summary',
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    name: 'summary',
    summary: 'cli.summary.summary',
    load: async () => (await import('./summary.js')).summaryCommand,
  },
  {
    name: 'needs',
    summary: 'cli.needs.summary',
    load: async () => (await import('./needs.js')).needsCommand,
  },
  {
    name: 'pra',
    summary: 'cli.pra.summary',
    load: async () => (await import('./pra/index.js')).praCommand,
  },
  {
    name: 'analyze',
    summary: 'cli.analyze.summary',
    load: async () => (await import('./analyze.js')).analyzeCommand,
  },
  {
    name: 'dat',
    summary: 'cli.dat.summary',
    load: async () => (await import('./dat.js')).datCommand,
  },
  {
    name: 'report',
    summary: 'cli.report.summary',
    load: async () => (await import('./report.js')).reportCommand,
  },
  {
    name: 'diagram',
    summary: 'cli.diagram.summary',
    load: async () => (await import('./diagram.js')).diagramCommand,
  },
  {
    name: 'serve',
    summary: 'cli.serve.summary',
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'backup',
    summary: 'cli.backup.summary',
    load: async () => (await import('./backup.js')).backupCommand,
  },
  {
    name: 'restore',
    summary: 'cli.restore.summary',
    load: async () => (await import('./backup.js')).restoreCommand,
  },
  {
    name: 'admin',
    summary: 'cli.admin.summary',
    load: async () => (await import('./admin.js')).adminCommand,
  },
  {
    name: 'rules',
    summary: 'cli.rules.summary',
    load: async () => (await import('./rules.js')).rulesCommand,
  },
  {
    name: 'hunt',
    summary: 'cli.hunt.summary',
    load: async () => (await import('./hunt.js')).huntCommand,
  },
  {
    name: 'audit',
    summary: 'cli.audit.summary',
    load: async () => (await import('./audit/index.js')).auditCommand,
  },
  {
    name: 'sigma',
    summary: 'cli.sigma.summary',
    load: async () => (await import('./sigma.js')).sigmaCommand,
  },
  {
    name: 'graph',
    summary: 'cli.graph.summary',
    load: async () => (await import('./graph.js')).graphCommand,
  },
  {
    name: 'schema',
    summary: 'cli.schema.summary',
    load: async () => (await import('./schema.js')).schemaCommand,
  },
  {
    name: 'init',
    summary: 'cli.init.summary',
    load: async () => (await import('./init.js')).initCommand,
  },
  {
    name: 'import',
    summary: 'cli.import.summary',
    load: async () => (await import('./import.js')).importCommand,
  },
  {
    name: 'generate',
    summary: 'cli.generate.summary',
    load: async () => (await import('./generate.js')).generateCommand,
  },
];
