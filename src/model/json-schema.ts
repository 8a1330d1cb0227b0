import { z } from 'zod';
import { modelFileSchema } from '../domain/model/index.js';

/** Public identifier of the model's JSON Schema. */
export const MODEL_SCHEMA_ID = 'https://vigie.dev/schema/vigie-model.schema.json';

/**
 * The JSON Schema (draft 2020-12) of a model file, generated from the zod schemas so that editors
 * complete and check model files (`# yaml-language-server: $schema=…`). Never hand-edited.
 */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(modelFileSchema, { target: 'draft-2020-12', io: 'input' });
  return { ...schema, $id: MODEL_SCHEMA_ID };
}
