export { importThreagile } from './import.js';
export type { ThreagileImport } from './import.js';
export { threagileToYamlFiles } from './yaml-files.js';
export type { YamlFilesOptions } from './yaml-files.js';
