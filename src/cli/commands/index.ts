import type { Command } from '../context.js';
import { analyzeCommand } from './analyze.js';
import { needsCommand } from './needs.js';
import { rulesCommand } from './rules.js';
import { generateCommand } from './generate.js';
import { graphCommand } from './graph.js';
import { importCommand } from './import.js';
import { initCommand } from './init.js';
import { schemaCommand } from './schema.js';
import { summaryCommand } from './summary.js';
import { validateCommand } from './validate.js';

/** The `vigie` sub-commands, in the order `vigie --help` lists them. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  summaryCommand,
  needsCommand,
  analyzeCommand,
  rulesCommand,
  graphCommand,
  schemaCommand,
  initCommand,
  importCommand,
  generateCommand,
];
