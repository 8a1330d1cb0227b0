/** Model files as YAML text, each headed by a comment saying where it comes from. */
import { dump } from 'js-yaml';

export function modelYaml(
  sections: Readonly<Record<string, unknown>>,
  header: { readonly en: string; readonly fr: string },
): string {
  const comment = [`# FR : ${header.fr}`, `# EN : ${header.en}`, ''].join('\n');
  return `${comment}\n${dump(sections, { noRefs: true, lineWidth: 100 })}`;
}
