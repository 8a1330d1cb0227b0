/** The entities a form may reference, fetched per kind from the explorer's lists. */
import { useQueries } from '@tanstack/react-query';
import type { EntityListResponse } from '../../../../../src/platform/api/types';
import { SECTION_NAMES, SECTIONS, type Section } from '../../../../../src/domain/model/index';
import type { PickerItem } from '../../../components/ui';
import { api, wsPath } from '../../../lib/api';
import type { FieldNode } from './descriptor';
import type { FieldDescriptor } from './descriptor';

/** The section holding each kind (`asset` → `assets`). */
export const SECTION_OF_KIND: Readonly<Record<string, Section>> = Object.fromEntries(
  SECTION_NAMES.map((section) => [SECTIONS[section], section]),
);

/** The kinds the fields may reference. */
export function referencedKinds(fields: readonly FieldDescriptor[]): Set<string> {
  const kinds = new Set<string>();
  const visit = (node: FieldNode): void => {
    if (node.type === 'reference') node.kinds.forEach((k) => kinds.add(k));
    else if (node.type === 'list') visit(node.item);
    else if (node.type === 'object')
      node.fields.forEach((f) => {
        visit(f.node);
      });
  };
  fields.forEach((f) => {
    visit(f.node);
  });
  return kinds;
}

export interface Choices {
  /** Picker items by kind. */
  readonly byKind: Readonly<Record<string, readonly PickerItem[]>>;
  /** Every id of the fetched kinds. */
  readonly ids: ReadonlySet<string>;
  readonly loading: boolean;
}

/** Lists the entities of `sections` in `version`, as picker items (name, then id and kind). */
export function useChoices(
  workspaceId: string,
  version: number | null,
  sections: readonly Section[],
  kindLabel: (section: Section) => string,
  lang: string,
): Choices {
  const results = useQueries({
    queries: sections.map((section) => {
      const path =
        version === null
          ? ''
          : wsPath(workspaceId, `/versions/${String(version)}/entities/${section}?lang=${lang}`);
      return {
        queryKey: [path],
        queryFn: ({ signal }: { signal: AbortSignal }) => api<EntityListResponse>(path, { signal }),
        enabled: version !== null,
      };
    }),
  });
  const byKind: Record<string, PickerItem[]> = {};
  const ids = new Set<string>();
  results.forEach((result, i) => {
    const section = sections[i];
    if (section === undefined || result.data === undefined) return;
    byKind[SECTIONS[section]] = result.data.rows.map((row) => {
      ids.add(row.id);
      return { id: row.id, label: row.name, description: `${kindLabel(section)} · ${row.id}` };
    });
  });
  return { byKind, ids, loading: results.some((r) => r.isPending && version !== null) };
}
