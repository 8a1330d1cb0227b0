/** What changed between two versions: per file its status and the unified diff, and a summary. */
import type { DiffResponse } from '../../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { wsPath } from '../../lib/api';
import { Link, useParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { diffLines, summarise } from './diff-lines';
import './versions.css';

const LINE_CLASS = { add: 'diff-add', del: 'diff-del', hunk: 'diff-hunk', context: 'diff-ctx' };

export default function DiffPage() {
  const { t } = useI18n();
  const { workspace, href } = useWorkspace();
  const { a = '', b = '' } = useParams('/w/:workspaceId/versions/:a/diff/:b');
  const diff = useApi<DiffResponse>(
    wsPath(workspace.id, `/versions/${encodeURIComponent(a)}/diff/${encodeURIComponent(b)}`),
  );
  const title = t('versions.diffTitle', { a, b });
  const links = (
    <p className="toolbar">
      <Link to={href(`/versions/${encodeURIComponent(b)}/diff/${encodeURIComponent(a)}`, false)}>
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
  const { files } = diff.data;
  const summary = summarise(files);
  return (
    <>
      <h1>{title}</h1>
      {links}
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
    </>
  );
}
