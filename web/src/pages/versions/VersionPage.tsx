/**
 * One version of the model, read-only: a banner saying which version it is (and that it is not
 * the latest), its files, its problems and its findings, with links to its other pages (they
 * show it through `?v=N`) and to what changed since.
 */
import type { FindingsResponse, VersionResponse } from '../../../../src/platform/api/types';
import { Tab, TabList, TabPanel, Tabs } from '../../components/ui';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { wsPath } from '../../lib/api';
import { Link, useParams, useSearchState } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { DiagnosticList } from '../editor/DiagnosticList';
import { FindingList } from './FindingChanges';
import './versions.css';

const TABS = ['files', 'findings', 'problems'] as const;
type TabId = (typeof TABS)[number];

export default function VersionPage() {
  const { t, lang, formatDate } = useI18n();
  const { workspace, latest, href } = useWorkspace();
  const { number = '' } = useParams('/w/:workspaceId/versions/:number');
  const n = /^[1-9][0-9]{0,8}$/.test(number) ? Number(number) : null;
  const [tabParam, setTab] = useSearchState<string>('tab', 'files');
  const tab: TabId = TABS.find((id) => id === tabParam) ?? 'files';
  const loaded = useApi<VersionResponse>(
    n === null ? null : wsPath(workspace.id, `/versions/${n}`),
  );
  const findings = useApi<FindingsResponse>(
    n === null || tab !== 'findings'
      ? null
      : wsPath(workspace.id, `/versions/${n}/findings?lang=${lang}`),
  );
  const title = t('versions.versionTitle', { n: number });
  const back = (
    <p className="toolbar">
      <Link to={href('/versions', false)}>{t('versions.back')}</Link>
    </p>
  );
  if (n === null) {
    return (
      <>
        <h1>{title}</h1>
        <p className="field-error">{t('versions.badNumber')}</p>
        {back}
      </>
    );
  }
  if (loaded.data === null) {
    return (
      <>
        <h1>{title}</h1>
        {loaded.error === null ? (
          <Loading />
        ) : (
          <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
        )}
        {back}
      </>
    );
  }
  const { version, validation } = loaded.data;
  const files = Object.keys(version.files).sort();
  const isLatest = n === latest;
  const at = (path: string) => `${href(path, false)}?v=${n}`;
  return (
    <>
      <h1>{title}</h1>
      <div className={`version-banner${isLatest ? '' : ' past'}`} role="note">
        <p>
          <strong>
            {isLatest
              ? t('versions.banner.latest', { n })
              : t('versions.banner.past', { n, latest: latest ?? n })}
          </strong>{' '}
          {t('versions.banner.readOnly')}
        </p>
        <p className="muted">
          {t('versions.banner.meta', {
            message: version.message,
            author: version.author?.displayName ?? t('versions.unknownAuthor'),
            date: formatDate(version.created),
          })}
        </p>
        <p className="toolbar">
          <Link to={at('/explore/assets')}>{t('versions.open.entities', { n })}</Link>
          <Link to={at('/findings')}>{t('versions.open.findings', { n })}</Link>
          <Link to={at('/diagram')}>{t('versions.open.diagram', { n })}</Link>
          {isLatest || latest === null ? null : (
            <Link to={href(`/versions/${n}/diff/${latest}`, false)}>
              {t('versions.open.sinceThen', { n, latest })}
            </Link>
          )}
          <Link to={href('/versions', false)}>{t('versions.back')}</Link>
        </p>
      </div>
      <Tabs
        selectedKey={tab}
        onSelectionChange={(key) => {
          setTab(String(key));
        }}
      >
        <TabList aria-label={t('versions.versionTabs', { n })}>
          <Tab id="files">{t('versions.tab.files', { n: files.length })}</Tab>
          <Tab id="findings">{t('versions.tab.findings')}</Tab>
          <Tab id="problems">
            {t('versions.tab.problems', { n: validation.diagnostics.length })}
          </Tab>
        </TabList>
        <TabPanel id="files">
          {files.map((file) => (
            <details key={file} className="version-file" open={files.length === 1}>
              <summary className="mono">{file}</summary>
              <pre className="diff" tabIndex={0} aria-label={t('versions.fileLabel', { file, n })}>
                {version.files[file]}
              </pre>
            </details>
          ))}
        </TabPanel>
        <TabPanel id="findings">
          {findings.data === null ? (
            findings.error === null ? (
              <Loading />
            ) : (
              <ErrorMessage error={findings.error} onRetry={findings.reload} />
            )
          ) : (
            <>
              <p>{t('versions.findings.count', { n: findings.data.total })}</p>
              <FindingList
                findings={findings.data.findings}
                version={n}
                label={t('versions.findings.of', { n })}
              />
            </>
          )}
        </TabPanel>
        <TabPanel id="problems">
          <DiagnosticList
            diagnostics={validation.diagnostics}
            label={t('versions.problemsOf', { n })}
          />
        </TabPanel>
      </Tabs>
    </>
  );
}
