/**
 * What changed between two versions, in three tabs: the entities added, removed and changed
 * (with the changed fields, old and new values), the findings opened and closed, and per file
 * the line diff with a summary.
 */
import type {
  DiffResponse,
  EntityChangeView,
  FindingsDiffResponse,
} from '../../../../src/platform/api/types';
import { ENTITY_KINDS } from '../../../../src/platform/api/types';
import { Tab, TabList, TabPanel, Tabs } from '../../components/ui';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { wsPath } from '../../lib/api';
import { Link, useParams, useSearchState } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { diffLines, summarise } from './diff-lines';
import { byKind, countChanges, formatValue } from './entity-changes';
import { FindingList } from './FindingChanges';
import './versions.css';

const LINE_CLASS = { add: 'diff-add', del: 'diff-del', hunk: 'diff-hunk', context: 'diff-ctx' };
const TABS = ['entities', 'findings', 'lines'] as const;
type TabId = (typeof TABS)[number];

export default function DiffPage() {
  const { t } = useI18n();
  const { workspace, href } = useWorkspace();
  const { a = '', b = '' } = useParams('/w/:workspaceId/versions/:a/diff/:b');
  const [tabParam, setTab] = useSearchState<string>('tab', 'entities');
  const tab: TabId = TABS.find((id) => id === tabParam) ?? 'entities';
  const diff = useApi<DiffResponse>(
    wsPath(workspace.id, `/versions/${encodeURIComponent(a)}/diff/${encodeURIComponent(b)}`),
  );
  const title = t('versions.diffTitle', { a, b });
  const links = (
    <p className="toolbar">
      <Link to={href(`/versions/${encodeURIComponent(a)}`, false)}>
        {t('versions.viewLabel', { n: a })}
      </Link>
      <Link to={href(`/versions/${encodeURIComponent(b)}`, false)}>
        {t('versions.viewLabel', { n: b })}
      </Link>
      <Link
        to={`${href(`/versions/${encodeURIComponent(b)}/diff/${encodeURIComponent(a)}`, false)}${tab === 'entities' ? '' : `?tab=${tab}`}`}
      >
        {t('versions.reverse', { a, b })}
      </Link>
      <Link to={href('/versions', false)}>{t('versions.back')}</Link>
    </p>
  );
  if (diff.data === null) {
    return (
      <>
        <h1>{title}</h1>
        {links}
        {diff.error === null ? (
          <Loading />
        ) : (
          <ErrorMessage error={diff.error} onRetry={diff.reload} />
        )}
      </>
    );
  }
  const { files, entities, unreadable } = diff.data;
  const summary = summarise(files);
  const counts = countChanges(entities);
  return (
    <>
      <h1>{title}</h1>
      {links}
      <Tabs
        selectedKey={tab}
        onSelectionChange={(key) => {
          setTab(String(key));
        }}
      >
        <TabList aria-label={t('versions.diffTabs')}>
          <Tab id="entities">{t('versions.tab.entities')}</Tab>
          <Tab id="findings">{t('versions.tab.findingChanges')}</Tab>
          <Tab id="lines">{t('versions.tab.lines')}</Tab>
        </TabList>
        <TabPanel id="entities">
          {unreadable.before.length + unreadable.after.length > 0 ? (
            <p className="muted">
              {t('versions.unreadable', {
                files: [...new Set([...unreadable.before, ...unreadable.after])].join(', '),
              })}
            </p>
          ) : null}
          {entities.length === 0 ? (
            <p className="empty">{t('versions.entities.none')}</p>
          ) : (
            <>
              <p>{t('versions.entities.summary', counts)}</p>
              <EntityChanges changes={entities} />
            </>
          )}
        </TabPanel>
        <TabPanel id="findings">
          {tab === 'findings' ? <FindingChanges a={a} b={b} /> : null}
        </TabPanel>
        <TabPanel id="lines">
          {files.length === 0 ? (
            <p className="empty">{t('versions.noChanges')}</p>
          ) : (
            <p>{t('versions.diffSummary', { files: files.length, ...summary })}</p>
          )}
          {files.map((file) => (
            <section key={file.file} className="diff-file" aria-labelledby={`diff-${file.file}`}>
              <h2 id={`diff-${file.file}`}>
                <span className="mono">{file.file}</span>{' '}
                <span className={`badge diff-status-${file.status}`}>
                  {t(`versions.status.${file.status}`)}
                </span>
              </h2>
              {file.computed ? (
                <pre
                  className="diff"
                  tabIndex={0}
                  aria-label={t('versions.diffLabel', { file: file.file })}
                >
                  {diffLines(file.unified).map((line, i) => (
                    <span key={i} className={LINE_CLASS[line.kind]}>
                      {line.text === '' ? ' ' : line.text}
                    </span>
                  ))}
                </pre>
              ) : (
                <p className="muted">{t('versions.notComputed')}</p>
              )}
            </section>
          ))}
        </TabPanel>
      </Tabs>
    </>
  );
}

function EntityChanges({ changes }: { readonly changes: readonly EntityChangeView[] }) {
  const { t } = useI18n();
  const { href } = useWorkspace();
  return (
    <>
      {byKind(changes, ENTITY_KINDS).map(([kind, list]) => (
        <section key={kind} className="entity-changes" aria-labelledby={`changes-${kind}`}>
          <h2 id={`changes-${kind}`}>
            {kind === 'organisation' ? t('versions.organisation') : t(`kind.${kind}`)} (
            {list.length})
          </h2>
          <ul>
            {list.map((change) => (
              <li key={change.id}>
                <span className={`badge diff-status-${change.status}`}>
                  {t(`versions.status.${change.status}`)}
                </span>{' '}
                {kind === 'organisation' || change.status === 'removed' ? (
                  <span className="mono">{change.id}</span>
                ) : (
                  <Link
                    className="mono"
                    to={href(`/explore/${kind}/${encodeURIComponent(change.id)}`)}
                  >
                    {change.id}
                  </Link>
                )}
                {change.name === undefined ? null : <> — {change.name}</>}
                {change.fields.length === 0 ? null : (
                  <table className="plain field-changes">
                    <caption className="visually-hidden">
                      {t('versions.fields.caption', { id: change.id })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('versions.fields.field')}</th>
                        <th scope="col">{t('versions.fields.before')}</th>
                        <th scope="col">{t('versions.fields.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {change.fields.map((field) => (
                        <tr key={field.path}>
                          <th scope="row" className="mono">
                            {field.path}
                          </th>
                          <td className="mono">
                            {'before' in field ? (
                              formatValue(field.before)
                            ) : (
                              <span className="muted">{t('versions.fields.absent')}</span>
                            )}
                          </td>
                          <td className="mono">
                            {'after' in field ? (
                              formatValue(field.after)
                            ) : (
                              <span className="muted">{t('versions.fields.absent')}</span>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function FindingChanges({ a, b }: { readonly a: string; readonly b: string }) {
  const { t, lang } = useI18n();
  const { workspace } = useWorkspace();
  const changes = useApi<FindingsDiffResponse>(
    wsPath(
      workspace.id,
      `/versions/${encodeURIComponent(a)}/diff/${encodeURIComponent(b)}/findings?lang=${lang}`,
    ),
  );
  if (changes.data === null) {
    return changes.error === null ? (
      <Loading />
    ) : (
      <ErrorMessage error={changes.error} onRetry={changes.reload} />
    );
  }
  const { opened, closed, from, to } = changes.data;
  return (
    <>
      <section aria-labelledby="findings-opened">
        <h2 id="findings-opened">{t('versions.findings.opened', { n: opened.length })}</h2>
        <FindingList
          findings={opened}
          version={to}
          label={t('versions.findings.opened', { n: opened.length })}
        />
      </section>
      <section aria-labelledby="findings-closed">
        <h2 id="findings-closed">{t('versions.findings.closed', { n: closed.length })}</h2>
        <FindingList
          findings={closed}
          version={from}
          label={t('versions.findings.closed', { n: closed.length })}
          note={(f) => {
            const match = closed.find((c) => c.id === f.id);
            return match === undefined ? null : t(`versions.closedBy.${match.closedBy}`);
          }}
        />
      </section>
    </>
  );
}
