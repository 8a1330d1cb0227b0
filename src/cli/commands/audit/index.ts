/**
 * `vigie audit`: the technical security audit (CP5). One file per action:
 * - `vigie audit run --scope <file> [--model m] [--vantage zone] -o results.json` (run.ts);
 * - `vigie audit ports|tls|ssh|http|dns <target>` one-off checks (probe.ts);
 * - `vigie audit report results.json --format … [--previous old.json]` (report.ts);
 * - `vigie audit host [--format table|json] [-o results.json]` (host.ts), read-only, local.
 */
import { SEVERITIES } from '../../../audit/types.js';
import { UsageError, type Command } from '../../context.js';
import { runHost } from './host.js';
import { PROBE_ACTIONS, runProbe, type ProbeAction } from './probe.js';
import { REPORT_FORMATS, runReport } from './report.js';
import { runCampaignCommand } from './run.js';

const ACTIONS = ['run', ...PROBE_ACTIONS, 'report', 'host'] as const;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'cli.audit.summary',
  usage:
    'run --scope <file> [--model <path>] [--vantage <zone>] [--name <n>] [--fail-on <severity>] [-o results.json] | ports|tls|ssh|http|dns <target> [--scope <file>] [--ports <spec>] [--resolver <address[:port]>] [--selector <s>…] [--timeout <ms>] [--format table|json] [-o file] | report <results.json> --format json|sarif|csv|html|pdf|docx|md [--previous <old.json>] [--model <path>] [--author <name>] [--classification <text>] [-o file] | host [--format table|json] [-o results.json]',
  positionals: { min: 1, max: 2, names: '<action> [<target>|<results.json>]' },
  found: 'cli.exit.audit-fail-on',
  options: {
    scope: { type: 'string', description: 'cli.option.scope', placeholder: 'file' },
    model: { type: 'string', description: 'cli.option.audit-model', placeholder: 'path' },
    vantage: { type: 'string', description: 'cli.option.vantage', placeholder: 'zone' },
    name: { type: 'string', description: 'cli.option.campaign-name', placeholder: 'name' },
    'fail-on': {
      type: 'string',
      description: 'cli.option.fail-on',
      values: [...SEVERITIES].reverse(),
    },
    ports: { type: 'string', description: 'cli.option.audit-ports', placeholder: 'spec' },
    resolver: { type: 'string', description: 'cli.option.resolver', placeholder: 'address[:port]' },
    selector: {
      type: 'string',
      description: 'cli.option.selector',
      placeholder: 'name',
      multiple: true,
    },
    timeout: { type: 'string', description: 'cli.option.audit-timeout', placeholder: 'ms' },
    previous: { type: 'string', description: 'cli.option.previous', placeholder: 'file' },
    author: { type: 'string', description: 'cli.option.author', placeholder: 'name' },
    classification: {
      type: 'string',
      description: 'cli.option.classification',
      placeholder: 'text',
    },
    today: { type: 'string', description: 'cli.option.today', placeholder: 'YYYY-MM-DD' },
    format: {
      type: 'string',
      description: 'cli.option.format',
      values: ['table', ...REPORT_FORMATS],
    },
    output: { type: 'string', short: 'o', description: 'cli.option.output', placeholder: 'file' },
  },
  async run(ctx, { values, positionals }) {
    const { t } = ctx;
    const [action = '', argument] = positionals;
    if (!(ACTIONS as readonly string[]).includes(action))
      throw new UsageError(t('cli.audit.bad-action', { action }));
    const only = (option: string, actions: readonly string[]): void => {
      if (values[option] !== undefined && !actions.includes(action))
        throw new UsageError(
          t('cli.audit.option-only', { option, actions: actions.join(', '), action }),
        );
    };
    only('previous', ['report']);
    only('vantage', ['run']);
    only('name', ['run']);
    only('resolver', ['dns']);
    only('selector', ['dns']);
    only('ports', ['ports']);
    only('author', ['report']);
    only('classification', ['report']);
    if (action === 'host') {
      if (argument !== undefined)
        throw new UsageError(
          t('cli.error.positionals', { usage: `vigie audit ${auditCommand.usage}`, names: 'host' }),
        );
      return runHost(ctx, values);
    }
    if (action === 'run') {
      if (argument !== undefined)
        throw new UsageError(
          t('cli.error.positionals', { usage: `vigie audit ${auditCommand.usage}`, names: 'run' }),
        );
      return runCampaignCommand(ctx, values);
    }
    if (action === 'report') {
      if (argument === undefined)
        throw new UsageError(
          t('cli.error.positionals', {
            usage: `vigie audit ${auditCommand.usage}`,
            names: 'report <results.json>',
          }),
        );
      return runReport(ctx, argument, values);
    }
    return runProbe(ctx, action as ProbeAction, argument, values);
  },
};
