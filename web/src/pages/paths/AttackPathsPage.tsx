/**
 * Attack paths of a version: filter by target, the ranked paths, the selected path's steps and
 * drawing, and the choke points (the measures that cut the most paths).
 */
import { useCallback } from 'react';
import type {
  AttackPathView,
  AttackPathsResponse,
  ChokePointView,
  EntityRef,
} from '../../../../src/platform/api/types';
import { AnalysisError, EntityLink, formatPercent, withQuery } from '../../components/Analysis';
import { Empty, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { query, wsPath } from '../../lib/api';
import { Link, useRouter } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { PathDiagram } from './PathDiagram';
import './paths.css';

/** The MITRE ATT&CK page of a technique (`T1021.001`, `T1133 External Remote Services`), else null. */
export function techniqueUrl(technique: string): string | null {
  const match = /^T(\d{4})(?:\.(\d{3}))?(?=\s|$)/.exec(technique.trim());
  if (match === null) return null;
  const [, base = '', sub] = match;
  return `https://attack.mitre.org/techniques/T${base}/${sub === undefined ? '' : `${sub}/`}`;
}

function usePathParams() {
  const { location, navigate } = useRouter();
  const current = location.search.toString();
  const here = `${location.path}${current === '' ? '' : `?${current}`}`;
  const set = useCallback(
    (params: Readonly<Record<'target' | 'path', string>>) => {
      navigate(withQuery(here, params), { replace: true });
    },
    [navigate, here],
  );
  return {
    target: location.search.get('target') ?? '',
    path: location.search.get('path') ?? '',
    set,
  };
}

function Steps({ path }: { readonly path: AttackPathView }) {
  const { t, lang } = useI18n();
  return (
    <ol className="path-steps">
      <li>
        <span className="path-step-head">
          {t('paths.steps.start', { source: path.source.name })}
        </span>
      </li>
      {path.steps.map((step, i) => {
        const url = step.technique === null ? null : techniqueUrl(step.technique);
        return (
          <li key={`${String(i)}:${step.to?.id ?? ''}`}>
            <span className="path-step-head">
              {step.to === null ? '—' : <EntityLink entity={step.to} />}{' '}
              {step.technique === null ? null : url === null ? (
                <code>{step.technique}</code>
              ) : (
                <a href={url} target="_blank" rel="noopener noreferrer">
                  <code>{step.technique}</code>
                  <span className="visually-hidden"> {t('paths.newTab')}</span>
                </a>
              )}{' '}
              <span className="muted">
                {t('paths.steps.probability', { p: formatPercent(lang, step.probability) })}
              </span>
            </span>
            <span className="path-step-text">{step.explanation}</span>
          </li>
        );
      })}
    </ol>
  );
}

function ChokePoints({
  chokePoints,
  targets,
}: {
  readonly chokePoints: readonly ChokePointView[];
  readonly targets: readonly EntityRef[];
}) {
  const { t, formatNumber } = useI18n();
  const names = new Map(targets.map((target) => [target.id, target]));
  if (chokePoints.length === 0) return <Empty>{t('paths.choke.none')}</Empty>;
  return (
    <table className="plain">
      <caption className="visually-hidden">{t('paths.choke.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('paths.choke.action')}</th>
          <th scope="col">{t('paths.choke.entity')}</th>
          <th scope="col">{t('paths.choke.explanation')}</th>
          <th scope="col">{t('paths.choke.pathsCut')}</th>
          <th scope="col">{t('paths.choke.targets')}</th>
          <th scope="col">{t('paths.choke.overall')}</th>
        </tr>
      </thead>
      <tbody>
        {chokePoints.map((c) => (
          <tr key={c.id}>
            <td>{c.action}</td>
            <td>{c.entity === null ? '—' : <EntityLink entity={c.entity} />}</td>
            <td>{c.explanation}</td>
            <td>{formatNumber(c.pathsCut)}</td>
            <td>
              {c.targets.length === 0 ? (
                '—'
              ) : (
                <ul className="path-inline-list">
                  {c.targets.map((id) => {
                    const ref = names.get(id);
                    return <li key={id}>{ref === undefined ? id : <EntityLink entity={ref} />}</li>;
                  })}
                </ul>
              )}
            </td>
            <td>{c.overall ? `✓ ${t('paths.choke.yes')}` : t('paths.choke.no')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PathsView({
  data,
  version,
}: {
  readonly data: AttackPathsResponse;
  readonly version: number;
}) {
  const { t, lang, formatNumber } = useI18n();
  const params = usePathParams();
  const selected = data.paths.find((p) => p.id === params.path) ?? data.paths[0];
  return (
    <>
      <section aria-labelledby="paths-list">
        <h2 id="paths-list">{t('paths.list.title', { n: formatNumber(data.paths.length) })}</h2>
        {data.paths.length === 0 ? (
          <Empty>{t('paths.list.none')}</Empty>
        ) : (
          <table className="plain paths-table">
            <caption className="visually-hidden">{t('paths.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('paths.list.rank')}</th>
                <th scope="col">{t('paths.list.path')}</th>
                <th scope="col">{t('paths.list.score')}</th>
                <th scope="col">{t('paths.list.steps')}</th>
              </tr>
            </thead>
            <tbody>
              {data.paths.map((p) => {
                const current = p.id === selected?.id;
                return (
                  <tr key={p.id} className={current ? 'paths-selected' : undefined}>
                    <td>{formatNumber(p.rank)}</td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={current}
                        onClick={() => {
                          params.set({ target: params.target, path: p.id });
                          // navigate() scrolls to the top: bring the chosen path into view.
                          setTimeout(() => {
                            document.getElementById('paths-selected')?.focus();
                          }, 0);
                        }}
                      >
                        {t('paths.list.item', { source: p.source.name, target: p.target.name })}
                      </button>
                      {current ? (
                        <span className="visually-hidden"> {t('paths.list.shown')}</span>
                      ) : null}
                    </td>
                    <td>{formatPercent(lang, p.score, 1)}</td>
                    <td>{formatNumber(p.steps.length)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {selected === undefined ? null : (
        <section aria-labelledby="paths-selected" className="card paths-detail">
          <h2 id="paths-selected" tabIndex={-1}>
            {t('paths.detail.title', {
              source: selected.source.name,
              target: selected.target.name,
            })}
          </h2>
          <p className="muted">
            {t('paths.detail.summary', {
              rank: selected.rank,
              score: formatPercent(lang, selected.score, 1),
              steps: selected.steps.length,
            })}{' '}
            <EntityLink entity={selected.target} />
          </p>
          <h3>{t('paths.detail.steps')}</h3>
          <Steps path={selected} />
          <h3>{t('paths.detail.diagram')}</h3>
          <PathDiagram key={selected.id} version={version} pathId={selected.id} />
        </section>
      )}

      <section aria-labelledby="paths-choke">
        <h2 id="paths-choke">{t('paths.choke.title')}</h2>
        <p className="muted">{t('paths.choke.intro')}</p>
        <ChokePoints chokePoints={data.chokePoints} targets={data.targets} />
      </section>
    </>
  );
}

export default function AttackPathsPage() {
  const { t, lang } = useI18n();
  const { workspace, version, canEdit, href } = useWorkspace();
  const params = usePathParams();
  const path =
    version === null
      ? null
      : wsPath(
          workspace.id,
          `/versions/${String(version)}/attack-paths${query({ lang, target: params.target })}`,
        );
  const { data, error, loading, reload } = useApi<AttackPathsResponse>(path);

  if (version === null) {
    return (
      <>
        <h1>{t('paths.title')}</h1>
        <Empty>{t('app.noVersion')}</Empty>
        {canEdit ? (
          <p>
            <Link to={href('/edit', false)}>{t('dashboard.openEditor')}</Link>
          </p>
        ) : null}
      </>
    );
  }
  const targets = data?.targets ?? [];
  const knownTarget = params.target === '' || targets.some((x) => x.id === params.target);
  return (
    <>
      <h1>{t('paths.title')}</h1>
      <p className="muted">{t('paths.intro', { version })}</p>
      <div className="toolbar">
        <label>
          {t('paths.filter.target')}
          <select
            value={params.target}
            onChange={(e) => {
              params.set({ target: e.target.value, path: '' });
            }}
          >
            <option value="">{t('paths.filter.all')}</option>
            {knownTarget ? null : <option value={params.target}>{params.target}</option>}
            {targets.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error === null ? null : <AnalysisError error={error} onRetry={reload} />}
      {data === null ? (
        error === null ? (
          <Loading />
        ) : null
      ) : (
        <div aria-busy={loading}>
          {loading ? <Loading /> : null}
          <PathsView data={data} version={version} />
        </div>
      )}
    </>
  );
}
