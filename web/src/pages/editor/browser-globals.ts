/**
 * What the model loader takes from Node and a browser lacks, for the validation worker only:
 * `Buffer.byteLength` (the file size limit). `node:module` is aliased to `node-module.browser.ts`
 * by the web build (web/vite.config.ts).
 */
const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= {
  byteLength: (text: string): number => new TextEncoder().encode(text).byteLength,
};
export {};
