/**
 * `node:module` for the validation worker: the model loader loads the `yaml` library (syntax
 * error details) with `createRequire` on Node; in the browser it is bundled.
 */
import * as yaml from 'yaml';

export function createRequire(): (id: string) => unknown {
  return (id) => {
    if (id === 'yaml') return yaml;
    throw new Error(`${id} is not available in the browser`);
  };
}
