import { buildDat } from '../../documents/dat/build-dat.js';
import type { Command } from '../context.js';
import { DOCUMENT_OPTIONS, runDocumentCommand } from '../document-command.js';

export const datCommand: Command = {
  name: 'dat',
  summary: 'cli.dat.summary',
  usage:
    '<path> [--format html|pdf|docx|md] [-o file] [--date YYYY-MM-DD] [--doc-version 1.0] [--author name] [--classification text]',
  positionals: { min: 1, max: 1, names: '<path>' },
  options: DOCUMENT_OPTIONS,
  run: (ctx, args) =>
    runDocumentCommand(ctx, args, (input, diagrams, settings) =>
      buildDat(input, diagrams, settings),
    ),
};
