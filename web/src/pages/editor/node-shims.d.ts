/**
 * Types of the two Node names the model loader (src/model/yaml-source.ts) uses, so the web
 * project type-checks the validation worker that bundles it (see browser-globals.ts and
 * node-module.browser.ts for what they are in the browser). Not for use in web code.
 */
declare module 'node:module' {
  export function createRequire(url: string | URL): (id: string) => unknown;
}
declare const Buffer: { byteLength(text: string, encoding?: 'utf8'): number };
