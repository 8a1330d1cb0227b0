import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('../../package.json') as { version: string };

/** The package version, read once from package.json. */
export const VERSION: string = pkg.version;
