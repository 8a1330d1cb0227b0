/**
 * The drawn attack path: the server's SVG, sanitised (sanitize-svg.ts) before it is inserted.
 * Boxes carry data-kind / data-id: a click opens the entity in the explorer (the steps list
 * above gives the same links to keyboard and screen-reader users).
 */
import { useMemo } from 'react';
import type { MouseEvent } from 'react';
import { ENTITY_KINDS } from '../../../../src/platform/api/types';
import type { DiagramResponse } from '../../../../src/platform/api/types';
import { AnalysisError } from '../../components/Analysis';
import { Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { query, wsPath } from '../../lib/api';
import { useRouter } from '../../lib/router';
import { sanitizeSvg } from '../../lib/sanitize-svg';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';

const KINDS: ReadonlySet<string> = new Set(ENTITY_KINDS);

export function PathDiagram({
  version,
  pathId,
}: {
  readonly version: number;
  readonly pathId: string;
}) {
  const { t, lang } = useI18n();
  const { workspace, href } = useWorkspace();
  const { navigate } = useRouter();
  const { data, error, loading, reload } = useApi<DiagramResponse>(
    wsPath(
      workspace.id,
      `/versions/${String(version)}/attack-paths/${encodeURIComponent(pathId)}/diagram${query({ lang })}`,
    ),
  );
  const svg = useMemo(() => (data === null ? '' : sanitizeSvg(data.svg)), [data]);

  const open = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target instanceof Element)) return;
    const box = event.target.closest('[data-kind][data-id]');
    const kind = box?.getAttribute('data-kind') ?? '';
    const id = box?.getAttribute('data-id') ?? '';
    if (!KINDS.has(kind) || id === '') return;
    navigate(href(`/explore/${kind}/${encodeURIComponent(id)}`));
  };

  if (data === null || loading) {
    return error === null ? <Loading /> : <AnalysisError error={error} onRetry={reload} />;
  }
  if (svg === '') return <p className="empty">{t('paths.diagram.unavailable')}</p>;
  return (
    <figure className="path-diagram">
      {/* The SVG was sanitised just above: no script, handler or external link is left. */}
      <div
        className="path-diagram-svg"
        role="img"
        aria-label={t('paths.diagram.label')}
        onClick={open}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <figcaption className="muted">{t('paths.diagram.caption')}</figcaption>
    </figure>
  );
}
