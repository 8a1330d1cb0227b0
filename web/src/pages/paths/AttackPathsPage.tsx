/**
 * Attack paths of a version, on two tabs. "Paths": the targets reached, most likely first, paged
 * (25 targets a page), each with its ranked paths; the selected path's steps and drawing sit
 * beside the list on wide screens (below on narrow ones). "Choke points": the measures that cut
 * the most paths. Tab, target filter, page and path are kept in the URL.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type {
  AttackPathView,
  AttackPathsResponse,
  ChokePointView,
  EntityRef,
} from '../../../../src/platform/api/types';
import { groupAttackPaths } from '../../../../src/platform/api/attack-path-groups';
import type { AttackPathGroup } from '../../../../src/platform/api/attack-path-groups';
import { AnalysisError, EntityLink, formatPercent, withQuery } from '../../components/Analysis';
import { Empty, Loading } from '../../components/Status';
import { useI18n, type Translate } from '../../i18n';
import { query, wsPath } from '../../lib/api';
import { Link, useRouter } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { PathDiagram } from './PathDiagram';
import { pageCount, pageWindow, readPathsState, targetOfPathId } from './page-state';
import type { PathsState } from './page-state';
import './paths.css';

/** The MITRE ATT&CK page of a technique (`T1021.001`, `T1133 External Remote Services`), else null. */
export function techniqueUrl(technique: string): string | null {
  const match = /^T(\d{4})(?:\.(\d{3}))?(?=\s|$)/.exec(technique.trim());
  if (match === null) return null;
  const [, base = '', sub] = match;
  return `https://attack.mitre.org/techniques/T${base}/${sub === undefined ? '' : `${sub}/`}`;
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

const COST_KEYS = {
  configuration: 'paths.choke.cost.configuration',
  control: 'paths.choke.cost.control',
  architecture: 'paths.choke.cost.architecture',
  'business-flow': 'paths.choke.cost.business-flow',
} as const;

/** The name of a choke point's cost class (its code when the UI does not know it). */
function costLabel(t: Translate, cost: string): string {
  return cost in COST_KEYS ? t(COST_KEYS[cost as keyof typeof COST_KEYS]) : cost;
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
          <th scope="col">{t('paths.choke.cost')}</th>
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
            <td>{costLabel(t, c.cost)}</td>
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

function usePathsState() {
  const { location, navigate } = useRouter();
  const state = readPathsState(location.search);
  const current = location.search.toString();
  const here = `${location.path}${current === '' ? '' : `?${current}`}`;
  /** The URL with these parameters changed (defaults left out). */
  const link = useCallback(
    (change: Partial<PathsState>): string =>
      withQuery(here, {
        ...change,
        ...(change.page === undefined ? {} : { page: change.page === 1 ? '' : change.page }),
        ...(change.tab === undefined ? {} : { tab: change.tab === 'paths' ? '' : change.tab }),
      }),
    [here],
  );
  const set = useCallback(
    (change: Partial<PathsState>) => {
      navigate(link(change), { replace: true });
    },
    [navigate, link],
  );
  return { ...state, link, set };
}

type PathsParams = ReturnType<typeof usePathsState>;

function Pager({
  params,
  page,
}: {
  readonly params: PathsParams;
  readonly page: NonNullable<AttackPathsResponse['page']>;
}) {
  const { t } = useI18n();
  const pages = pageCount(page.totalGroups, page.limit);
  const current = Math.floor(page.offset / page.limit) + 1;
  if (pages <= 1) return null;
  return (
    <nav className="paths-pager" aria-label={t('paths.pager.label')}>
      {current > 1 ? (
        <Link to={params.link({ page: current - 1, path: '' })}>{t('paths.pager.previous')}</Link>
      ) : (
        <span className="muted">{t('paths.pager.previous')}</span>
      )}
      <span aria-current="page">{t('paths.pager.position', { page: current, pages })}</span>
      {current < pages ? (
        <Link to={params.link({ page: current + 1, path: '' })}>{t('paths.pager.next')}</Link>
      ) : (
        <span className="muted">{t('paths.pager.next')}</span>
      )}
    </nav>
  );
}

/** How many of a group's paths show before "all paths" is opened. */
const SHOWN_PER_GROUP = 1;

function GroupPaths({
  group,
  selected,
  onSelect,
}: {
  readonly group: AttackPathGroup;
  readonly selected: string;
  readonly onSelect: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const holdsSelected = group.paths.slice(SHOWN_PER_GROUP).some((p) => p.id === selected);
  const [open, setOpen] = useState(holdsSelected);
  const shown = open ? group.paths : group.paths.slice(0, SHOWN_PER_GROUP);
  const listId = `paths-of-${group.target.kind}-${group.target.id}`;
  return (
    <>
      <ul className={open ? 'paths-group-paths open' : 'paths-group-paths'} id={listId}>
        {shown.map((p) => {
          const current = p.id === selected;
          return (
            <li key={p.id} className={current ? 'paths-selected' : undefined}>
              <button
                type="button"
                className="link-button"
                aria-pressed={current}
                onClick={() => {
                  onSelect(p.id);
                }}
              >
                {t('paths.groups.path', {
                  rank: p.rank,
                  source: p.source.name,
                  score: formatPercent(lang, p.score, 1),
                  steps: p.steps.length,
                })}
              </button>
            </li>
          );
        })}
      </ul>
      {group.count > SHOWN_PER_GROUP ? (
        <button
          type="button"
          className="link-button paths-group-more"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => {
            setOpen(!open);
          }}
        >
          {t(open ? 'paths.groups.less' : 'paths.groups.more', { n: group.count })}
        </button>
      ) : null}
    </>
  );
}

function GroupList({
  data,
  params,
  selected,
}: {
  readonly data: AttackPathsResponse;
  readonly params: PathsParams;
  readonly selected: string;
}) {
  const { t, lang } = useI18n();
  const groups = groupAttackPaths(data.paths);
  const onSelect = (id: string) => {
    params.set({ path: id });
  };
  const page = data.page;
  const first = (page?.offset ?? 0) + 1;
  return (
    <section aria-labelledby="paths-list" className="paths-list">
      <h2 id="paths-list">
        {t('paths.groups.title', {
          targets: page?.totalGroups ?? groups.length,
          paths: page?.totalPaths ?? data.paths.length,
        })}
      </h2>
      {groups.length === 0 ? (
        <Empty>{t('paths.list.none')}</Empty>
      ) : (
        <ol className="paths-groups" start={first}>
          {groups.map((group) => (
            <li key={`${group.target.kind}/${group.target.id}`} className="paths-group">
              <div className="paths-group-line">
                <h3 className="paths-group-head">
                  <EntityLink entity={group.target} />
                </h3>
                <p className="paths-group-meta muted">
                  {t('paths.groups.meta', {
                    count: group.count,
                    best: formatPercent(lang, group.best, 1),
                  })}
                </p>
              </div>
              <div className="paths-group-line">
                <GroupPaths group={group} selected={selected} onSelect={onSelect} />
              </div>
            </li>
          ))}
        </ol>
      )}
      {page === undefined ? null : <Pager params={params} page={page} />}
    </section>
  );
}

/** The selected path: from the page's paths, else fetched for its target (a link from elsewhere). */
function PathDetail({
  pathId,
  paths,
  version,
}: {
  readonly pathId: string;
  readonly paths: readonly AttackPathView[];
  readonly version: number;
}) {
  const { t, lang } = useI18n();
  const { workspace } = useWorkspace();
  const onPage = paths.find((p) => p.id === pathId);
  const target = onPage === undefined ? targetOfPathId(pathId) : null;
  const { data, error, reload } = useApi<AttackPathsResponse>(
    target === null
      ? null
      : wsPath(workspace.id, `/versions/${String(version)}/attack-paths${query({ lang, target })}`),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const path = onPage ?? data?.paths.find((p) => p.id === pathId);
  const shownId = path?.id ?? '';
  const first = useRef(true);
  useEffect(() => {
    // After a choice in the list (not on arrival), move focus to the detail for keyboard users.
    if (first.current) {
      first.current = false;
      return;
    }
    if (shownId !== '') heading.current?.focus({ preventScroll: true });
  }, [shownId]);

  if (path === undefined) {
    if (target !== null && data === null) {
      return error === null ? <Loading /> : <AnalysisError error={error} onRetry={reload} />;
    }
    return <Empty>{t(pathId === '' ? 'paths.detail.pick' : 'paths.detail.missing')}</Empty>;
  }
  return (
    <>
      <h2 id="paths-selected" tabIndex={-1} ref={heading}>
        {t('paths.detail.title', { source: path.source.name, target: path.target.name })}
      </h2>
      <p className="muted">
        {t('paths.detail.summary', {
          rank: path.rank,
          score: formatPercent(lang, path.score, 1),
          steps: path.steps.length,
        })}{' '}
        <EntityLink entity={path.target} />
      </p>
      <h3>{t('paths.detail.steps')}</h3>
      <Steps path={path} />
      <h3>{t('paths.detail.diagram')}</h3>
      <PathDiagram key={path.id} version={version} pathId={path.id} />
    </>
  );
}

function PathsPanel({
  data,
  version,
  params,
}: {
  readonly data: AttackPathsResponse;
  readonly version: number;
  readonly params: PathsParams;
}) {
  const first = groupAttackPaths(data.paths)[0]?.paths[0]?.id ?? '';
  const selected = params.path === '' ? first : params.path;
  return (
    <div className="paths-layout">
      <GroupList data={data} params={params} selected={selected} />
      <section aria-labelledby="paths-selected" className="card paths-detail">
        {selected === '' ? null : (
          <PathDetail pathId={selected} paths={data.paths} version={version} />
        )}
      </section>
    </div>
  );
}

export default function AttackPathsPage() {
  const { t, lang, formatNumber } = useI18n();
  const { workspace, version, canEdit, href } = useWorkspace();
  const params = usePathsState();
  const range = pageWindow(params.page);
  const path =
    version === null
      ? null
      : wsPath(
          workspace.id,
          `/versions/${String(version)}/attack-paths${query({
            lang,
            target: params.target,
            offset: range.offset,
            limit: range.limit,
          })}`,
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
        <label className="paths-filter">
          {t('paths.filter.target')}
          <select
            value={params.target}
            onChange={(e) => {
              params.set({ target: e.target.value, path: '', page: 1 });
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
        <Tabs
          className="paths-tabs"
          selectedKey={params.tab}
          onSelectionChange={(key) => {
            params.set({ tab: key === 'choke' ? 'choke' : 'paths' });
          }}
        >
          <TabList className="paths-tablist" aria-label={t('paths.tabs.label')}>
            <Tab id="paths" className="paths-tab">
              {t('paths.tabs.paths', {
                n: formatNumber(data.page?.totalPaths ?? data.paths.length),
              })}
            </Tab>
            <Tab id="choke" className="paths-tab">
              {t('paths.tabs.choke', { n: formatNumber(data.chokePoints.length) })}
            </Tab>
          </TabList>
          <TabPanel id="paths" className="paths-panel" aria-busy={loading}>
            {loading ? <Loading /> : null}
            <PathsPanel data={data} version={version} params={params} />
          </TabPanel>
          <TabPanel id="choke" className="paths-panel">
            <h2 id="paths-choke">{t('paths.choke.title')}</h2>
            <p className="muted">{t('paths.choke.intro')}</p>
            <div className="paths-scroll">
              <ChokePoints chokePoints={data.chokePoints} targets={data.targets} />
            </div>
          </TabPanel>
        </Tabs>
      )}
    </>
  );
}
