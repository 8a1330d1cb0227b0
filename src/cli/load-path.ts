import { readModelFiles } from '../io/model-files.js';
import { loadModel, type LoadResult } from '../model/load.js';
import type { CommandContext } from './context.js';

/** Loads a model from a file or directory; `undefined` when nothing could be read. */
export async function loadModelAt(
  ctx: CommandContext,
  path: string,
): Promise<{ result: LoadResult; readable: boolean }> {
  const read = await readModelFiles(path, ctx.t);
  const result = loadModel(read.sources, { t: ctx.t, root: path, diagnostics: read.diagnostics });
  return { result, readable: read.readable };
}
