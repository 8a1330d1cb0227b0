/**
 * The workspace's global search: a button in the header and the shortcuts Ctrl+K / ⌘K and "/"
 * open a dialog; what is typed (2 characters or more) is looked up in every kind of entity
 * (by id and name), in the findings (title, rule, entity) of the version being viewed and in the
 * generated documents. Arrow keys move through the results, Enter opens one.
 */
import { useQueries } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Button } from 'react-aria-components';
import type {
  DocumentsResponse,
  EntityKind,
  EntityListResponse,
  FindingsResponse,
} from '../../../src/platform/api/types';
import { ENTITY_KINDS } from '../../../src/platform/api/types';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n';
import { api, query, wsPath } from '../lib/api';
import { useRouter } from '../lib/router';
import type { WorkspaceValue } from '../lib/workspace';
import { Modal } from './ui/Dialog';
import { fold } from './ui/ComboBox';
import './GlobalSearch.css';

/** Results shown per group (entities of one kind, findings, documents). */
const PER_GROUP = 6;
const MIN_LENGTH = 2;
const DEBOUNCE_MS = 250;

interface Result {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  readonly href: string;
}

interface Group {
  readonly id: string;
  readonly title: string;
  readonly results: readonly Result[];
  readonly more: number;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setDebounced(value);
    }, ms);
    return () => {
      window.clearTimeout(timer);
    };
  }, [value, ms]);
  return debounced;
}

/** True when the key event comes from a place where "/" is typed text. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !==
      null
  );
}

/** Opens the search on Ctrl+K / ⌘K anywhere and on "/" outside text fields. */
function useShortcut(open: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (
        (mod && event.key.toLowerCase() === 'k') ||
        (event.key === '/' && !mod && !isTyping(event.target))
      ) {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
}

/** The result groups for `text` and the sentence that sums them up. */
function useSearch(
  workspace: WorkspaceValue,
  text: string,
): { readonly groups: readonly Group[]; readonly status: string } {
  const { t, lang } = useI18n();
  const id = workspace.workspace.id;
  const version = workspace.version;
  const q = text.trim();
  const active = q.length >= MIN_LENGTH;
  const versionPath = (path: string) =>
    version === null ? null : wsPath(id, `/versions/${String(version)}${path}`);
  const paths: (string | null)[] = active
    ? [
        ...ENTITY_KINDS.map((kind) => versionPath(`/entities/${kind}${query({ q, lang })}`)),
        versionPath(`/findings${query({ q, lang })}`),
        wsPath(id, '/documents'),
      ]
    : [];
  const results = useQueries({
    queries: paths.map((path) => ({
      queryKey: [path],
      queryFn: ({ signal }: { signal: AbortSignal }) => api<unknown>(path ?? '', { signal }),
      enabled: path !== null,
      staleTime: 30_000,
    })),
  });
  const loading = results.some((r) => r.isFetching);
  const failed = results.some((r) => r.isError);

  const groups = useMemo<Group[]>(() => {
    if (!active) return [];
    const out: Group[] = [];
    ENTITY_KINDS.forEach((kind: EntityKind, i) => {
      const data = results[i]?.data as EntityListResponse | undefined;
      if (data === undefined || data.rows.length === 0) return;
      out.push({
        id: `entities-${kind}`,
        title: t(`search.kind.${kind}` as MessageKey),
        more: Math.max(0, data.rows.length - PER_GROUP),
        results: data.rows.slice(0, PER_GROUP).map((row) => ({
          id: `${kind}:${row.id}`,
          label: row.name,
          detail: row.id,
          href: workspace.href(`/explore/${kind}/${encodeURIComponent(row.id)}`),
        })),
      });
    });
    const findings = results[ENTITY_KINDS.length]?.data as FindingsResponse | undefined;
    if (findings !== undefined && findings.findings.length > 0) {
      out.push({
        id: 'findings',
        title: t('search.findings'),
        more: Math.max(0, findings.findings.length - PER_GROUP),
        results: findings.findings.slice(0, PER_GROUP).map((f) => ({
          id: `finding:${f.id}`,
          label: f.title,
          detail: [f.ruleId, ...f.subjects.slice(0, 2).map((s) => s.name)].join(' · '),
          href: workspace.href(`/findings/${encodeURIComponent(f.id)}`),
        })),
      });
    }
    const documents = results[ENTITY_KINDS.length + 1]?.data as DocumentsResponse | undefined;
    if (documents !== undefined) {
      const words = fold(q).split(/\s+/).filter(Boolean);
      const matching = documents.documents.filter((d) => {
        const haystack = fold(
          `${d.fileName ?? ''} ${t(`search.document.${d.kind}` as MessageKey)} ${d.format} ${d.lang} v${String(d.version)}`,
        );
        return words.every((w) => haystack.includes(w));
      });
      if (matching.length > 0) {
        out.push({
          id: 'documents',
          title: t('search.documents'),
          more: Math.max(0, matching.length - PER_GROUP),
          results: matching.slice(0, PER_GROUP).map((d) => ({
            id: `document:${d.id}`,
            label: d.fileName ?? t(`search.document.${d.kind}` as MessageKey),
            detail: t('search.documentDetail', {
              version: d.version,
              format: d.format.toUpperCase(),
              lang: d.lang.toUpperCase(),
            }),
            href: workspace.href('/documents', false),
          })),
        });
      }
    }
    return out;
  }, [active, results, q, t, workspace]);

  const count = groups.reduce((n, g) => n + g.results.length, 0);
  const status = !active
    ? t('search.hint', { n: MIN_LENGTH })
    : loading && count === 0
      ? t('app.loading')
      : count === 0
        ? failed
          ? t('search.failed')
          : t('search.none', { q })
        : t('search.count', { n: count });

  return { groups, status };
}

export function GlobalSearch({ workspace }: { readonly workspace: WorkspaceValue }) {
  const { t } = useI18n();
  const { location, navigate } = useRouter();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const debounced = useDebounced(text, DEBOUNCE_MS);
  const { groups, status } = useSearch(workspace, debounced);
  const flat = useMemo(() => groups.flatMap((g) => g.results), [groups]);
  useEffect(() => {
    setActive(0);
  }, [debounced]);
  const show = useCallback(() => {
    setOpen(true);
  }, []);
  useShortcut(show);
  // A result was opened: the dialog closes on the new page.
  useEffect(() => {
    setOpen(false);
  }, [location.path]);
  const activeResult = flat[Math.min(active, flat.length - 1)];
  const go = (result: Result | undefined) => {
    if (result === undefined) return;
    setOpen(false);
    navigate(result.href);
  };
  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (flat.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + flat.length) % flat.length);
    } else if (event.key === 'Home' && event.ctrlKey) {
      setActive(0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(activeResult);
    }
  };
  const optionId = (result: Result) => `search-option-${result.id.replace(/[^\w-]/g, '_')}`;
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  let index = -1;
  return (
    <>
      <Button
        className="search-button"
        onPress={show}
        aria-keyshortcuts={mac ? 'Meta+K /' : 'Control+K /'}
      >
        <span aria-hidden="true">⌕</span> {t('search.button')}
        <kbd className="search-kbd" aria-hidden="true">
          {mac ? '⌘K' : 'Ctrl K'}
        </kbd>
      </Button>
      <Modal
        title={t('search.title')}
        isOpen={open}
        onOpenChange={setOpen}
        className="search-dialog"
      >
        <label htmlFor="search-input" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="search-input"
          className="ui-input"
          type="search"
          role="combobox"
          autoComplete="off"
          aria-expanded={flat.length > 0}
          aria-controls="search-results"
          aria-autocomplete="list"
          aria-describedby="search-help"
          aria-activedescendant={activeResult === undefined ? undefined : optionId(activeResult)}
          placeholder={t('search.placeholder')}
          value={text}
          autoFocus
          onChange={(event) => {
            setText(event.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        <p id="search-help" className="search-help">
          {t('search.help')}
        </p>
        <p className="search-status" role="status" aria-live="polite">
          {status}
        </p>
        <div
          id="search-results"
          role="listbox"
          aria-label={t('search.results')}
          className="search-results"
        >
          {groups.map((group) => (
            <div key={group.id} role="group" aria-labelledby={`search-group-${group.id}`}>
              <div
                id={`search-group-${group.id}`}
                className="search-group-title"
                role="presentation"
              >
                {group.title}
                {group.more > 0 ? (
                  <span className="search-more"> {t('search.more', { n: group.more })}</span>
                ) : null}
              </div>
              {group.results.map((result) => {
                index += 1;
                const mine = index;
                return (
                  <div
                    key={result.id}
                    id={optionId(result)}
                    role="option"
                    aria-selected={result === activeResult}
                    data-focused={result === activeResult ? '' : undefined}
                    className="search-item"
                    onMouseMove={() => {
                      setActive(mine);
                    }}
                    onClick={() => {
                      go(result);
                    }}
                  >
                    <span className="search-item-label">{result.label}</span>
                    <span className="search-item-detail">{result.detail}</span>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </Modal>
    </>
  );
}
