/**
 * One model entity (`/explore/:kind/:entityId`): where it is declared, its fields as written in
 * the model, its propagated DICP needs, its relations and the findings on it.
 */
import { Fragment } from 'react';
import type { EntityDetailResponse } from '../../../../src/platform/api/types';
import { SeverityBadge, StatusBadge } from '../../components/Severity';
import { ErrorMessage, Loading } from '../../components/Status';
import { lookup, useI18n } from '../../i18n';
import { query, wsPath } from '../../lib/api';
import { Link, useParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { DeleteEntity } from '../editor/form/DeleteEntity';
import { FieldValue, RefLink, fieldLabel, levelText } from './cells';
import { KindNav } from './KindNav';
import { diagramViewOf, isListedKind, withQuery } from './links';
import type { ListedKind } from './links';
import './explorer.css';

const NEED_LETTERS = ['D', 'I', 'C', 'P'] as const;

export default function EntityDetailPage() {
  const params = useParams('/w/:workspaceId/explore/:kind/:entityId');
  const kind = params.kind ?? '';
  const entityId = params.entityId ?? '';
  const { t } = useI18n();
  if (!isListedKind(kind)) {
    return (
      <>
        <h1>{t('explorer.title')}</h1>
        <KindNav current="" />
        <p className="error" role="alert">
          {t('explorer.unknownKind', { kind })}
        </p>
      </>
    );
  }
  return <EntityDetail kind={kind} entityId={entityId} />;
}

function EntityDetail({
  kind,
  entityId,
}: {
  readonly kind: ListedKind;
  readonly entityId: string;
}) {
  const { t, lang } = useI18n();
  const { workspace, version, latest, canEdit, href } = useWorkspace();
  const { data, error, loading, reload } = useApi<EntityDetailResponse>(
    version === null
      ? null
      : wsPath(
          workspace.id,
          `/versions/${String(version)}/entities/${kind}/${encodeURIComponent(entityId)}${query({ lang })}`,
        ),
  );
  const kindLabel = t(`kind.${kind}`);

  if (version === null) {
    return (
      <>
        <h1>{entityId}</h1>
        <p className="empty">{t('app.noVersion')}</p>
      </>
    );
  }
  if (data === null) {
    return (
      <>
        <h1>{entityId}</h1>
        {error !== null ? (
          <ErrorMessage error={error} onRetry={reload}>
            <p>
              <Link to={href(`/explore/${kind}`)}>
                {t('explorer.backToList', { kind: kindLabel })}
              </Link>
            </p>
          </ErrorMessage>
        ) : loading ? (
          <Loading />
        ) : null}
      </>
    );
  }

  const toHref = (path: string) => href(path);
  const view = diagramViewOf(data);
  const fields = Object.entries(data.fields);
  const name = data.name === '' ? data.id : data.name;

  return (
    <>
      <p>
        <Link to={href(`/explore/${kind}`)}>{t('explorer.backToList', { kind: kindLabel })}</Link>
      </p>
      <h1>{name}</h1>
      <p className="explorer-id muted">
        {t('explorer.kindAndId', { kind: kindLabel, id: data.id })}
        <br />
        {t('explorer.declaredIn', { file: data.file, line: data.line })}
      </p>
      <div className="explorer-actions">
        {canEdit ? (
          <Link
            className="primary"
            to={href(`/explore/${kind}/${encodeURIComponent(data.id)}/edit`, false)}
          >
            {t('explorer.edit')}
          </Link>
        ) : null}
        {canEdit && version === latest ? (
          <DeleteEntity section={kind} id={data.id} name={name} />
        ) : null}
        <Link
          to={withQuery(href('/diagram'), {
            view,
            focus: data.id,
            show: `${data.kind}:${data.id}`,
          })}
        >
          {t('explorer.showOnDiagram')}
        </Link>
      </div>
      {error !== null ? <ErrorMessage error={error} onRetry={reload} /> : null}

      {data.needs === null ? null : (
        <section className="card" aria-labelledby="entity-needs">
          <h2 id="entity-needs">{t('explorer.needs')}</h2>
          <p className="muted">{t('explorer.needsIntro')}</p>
          <dl className="needs-grid">
            {NEED_LETTERS.map((letter) => {
              const level = data.needs?.[letter] ?? null;
              return (
                <div key={letter}>
                  <dt>
                    <abbr title={t(`explorer.needs.${letter}`)}>{letter}</abbr>{' '}
                    {t(`explorer.needs.${letter}`)}
                  </dt>
                  <dd>{level === null ? t('explorer.needs.unknown') : levelText(level, t)}</dd>
                </div>
              );
            })}
          </dl>
        </section>
      )}

      <section className="card" aria-labelledby="entity-fields">
        <h2 id="entity-fields">{t('explorer.fields')}</h2>
        {fields.length === 0 ? (
          <p className="empty">{t('explorer.noFields')}</p>
        ) : (
          <dl className="fields">
            {fields.map(([key, value]) => {
              const label = fieldLabel(lang, key);
              return (
                <Fragment key={key}>
                  <dt>
                    {label}
                    {label === key ? null : <span className="mono"> ({key})</span>}
                  </dt>
                  <dd>
                    <FieldValue value={value} lang={lang} t={t} />
                  </dd>
                </Fragment>
              );
            })}
          </dl>
        )}
      </section>

      <section className="card relations" aria-labelledby="entity-relations">
        <h2 id="entity-relations">{t('explorer.relations')}</h2>
        {data.relations.every((r) => r.items.length === 0) ? (
          <p className="empty">{t('explorer.noRelations')}</p>
        ) : (
          data.relations
            .filter((relation) => relation.items.length > 0)
            .map((relation) => (
              <Fragment key={relation.role}>
                <h3>{lookup(lang, `explorer.relation.${relation.role}`, relation.role)}</h3>
                <ul>
                  {relation.items.map((item) => (
                    <li key={`${item.kind}/${item.id}`}>
                      <RefLink value={item} toHref={toHref} />
                      {item.name !== '' && item.name !== item.id ? (
                        <span className="muted mono"> {item.id}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </Fragment>
            ))
        )}
      </section>

      <section className="card" aria-labelledby="entity-findings">
        <h2 id="entity-findings">{t('explorer.findings')}</h2>
        {data.findings.length === 0 ? (
          <p className="empty">{t('explorer.noFindings')}</p>
        ) : (
          <table className="plain">
            <caption className="visually-hidden">{t('explorer.findingsTable', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('explorer.finding.severity')}</th>
                <th scope="col">{t('explorer.finding.title')}</th>
                <th scope="col">{t('explorer.finding.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.findings.map((finding) => (
                <tr key={finding.id}>
                  <td>
                    <SeverityBadge severity={finding.severity} />
                  </td>
                  <td>
                    <Link to={href(`/findings/${encodeURIComponent(finding.id)}`)}>
                      {finding.title}
                    </Link>
                    <br />
                    <span className="muted mono">{finding.id}</span>
                  </td>
                  <td>
                    <StatusBadge status={finding.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
