/**
 * The architecture diagram (default view) with the assets a scenario makes lost outlined, and
 * the zones holding them dashed. The SVG is the server's, sanitised before it is inserted; the
 * list of lost assets by zone beside it is the text alternative.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ArchitectureDiagramResponse } from '../../../../src/platform/api/types';
import { Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { query, wsPath } from '../../lib/api';
import { sanitizeSvg } from '../../lib/sanitize-svg';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';

const ASSET_KINDS = new Set(['asset', 'outside-asset', 'target']);

export function ImpactDiagram({
  version,
  lost,
  zones,
}: {
  readonly version: number;
  readonly lost: ReadonlySet<string>;
  readonly zones: ReadonlySet<string>;
}) {
  const { t, lang } = useI18n();
  const { workspace } = useWorkspace();
  const { data, error } = useApi<ArchitectureDiagramResponse>(
    wsPath(workspace.id, `/versions/${String(version)}/diagram${query({ lang })}`),
  );
  const svg = useMemo(() => (data === null ? '' : sanitizeSvg(data.svg)), [data]);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = root.current;
    if (element === null) return;
    for (const name of ['sim-lost', 'sim-lost-zone']) {
      for (const marked of element.querySelectorAll(`.${name}`)) marked.classList.remove(name);
    }
    for (const box of element.querySelectorAll('[data-kind][data-id]')) {
      const kind = box.getAttribute('data-kind') ?? '';
      const id = box.getAttribute('data-id') ?? '';
      if (ASSET_KINDS.has(kind) && lost.has(id)) box.classList.add('sim-lost');
      else if (kind === 'zone' && zones.has(id)) box.classList.add('sim-lost-zone');
    }
  }, [svg, lost, zones]);

  if (error !== null) return <p className="muted">{t('continuitySim.diagram.unavailable')}</p>;
  if (data === null) return <Loading />;
  if (svg === '') return <p className="muted">{t('continuitySim.diagram.unavailable')}</p>;
  return (
    <figure className="sim-diagram">
      {/* The SVG was sanitised just above: no script, handler or external link is left. */}
      <div
        ref={root}
        className="sim-diagram-svg"
        role="img"
        aria-label={t('continuitySim.diagram.label', { n: lost.size })}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <figcaption className="muted">{t('continuitySim.diagram.caption')}</figcaption>
    </figure>
  );
}
