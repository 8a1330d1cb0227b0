import { dump } from 'js-yaml';
import type { ThreagileImport } from './import.js';

export interface YamlFilesOptions {
  /** Where the editor finds the model's JSON Schema, relative to the written files. */
  readonly schemaPath?: string;
}

/**
 * Renders an import as YAML texts, by file name: each starts with the editor schema line and a
 * comment naming the Threagile source, so that the files explain where they come from.
 */
export function threagileToYamlFiles(
  result: ThreagileImport,
  options: YamlFilesOptions = {},
): Record<string, string> {
  const schema = options.schemaPath ?? './vigie-model.schema.json';
  const title = result.source.title === undefined ? '' : ` "${result.source.title}"`;
  const header = [
    `# yaml-language-server: $schema=${schema}`,
    '#',
    `# Imported from the Threagile model${title} (${result.source.file}) by \`vigie import threagile\`.`,
    '# Importé du modèle Threagile par `vigie import threagile` : relire et compléter avant usage.',
    '',
  ].join('\n');
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(result.files)) {
    files[name] = `${header}\n${dump(content, { noRefs: true, lineWidth: 100 })}`;
  }
  return files;
}
