/**
 * Pieces the continuity pages share: durations in words, links to the entities the engines name
 * by id, severity badges (the engines add `info`), the flags list and the assumptions section.
 */
import { useState } from 'react';
import type { EntityKind } from '../../../../src/platform/api/types';
import { SeverityBadge } from '../../components/Severity';
import { useI18n } from '../../i18n';
import { formatDuration } from '../../lib/format';
import { Link } from '../../lib/router';
import { useWorkspace } from '../../lib/workspace';
import type { ContinuityAssumptionView, ContinuityFlagView } from './api-types';
import { flagCounts, sortFlags } from './bia-logic';
import type { NameOf } from './use-continuity';

/** Minutes as their two largest units (`4 h`, `1 j 2 h`), or '—' when unknown. */
export function useMinutes(): (minutes: number | undefined | null) => string {
  const { lang } = useI18n();
  return (minutes) =>
    minutes === undefined || minutes === null ? '—' : formatDuration(lang, minutes * 60);
}

/** A link to an entity's page, named by `nameOf` (its id until the names load). */
export function EntityName({
  kind,
  id,
  nameOf,
}: {
  readonly kind: EntityKind;
  readonly id: string;
  readonly nameOf: NameOf;
}) {
  const { href } = useWorkspace();
  return <Link to={href(`/explore/${kind}/${encodeURIComponent(id)}`)}>{nameOf(kind, id)}</Link>;
}

/** Severity badge with text; `info` (continuity engines only) as a neutral badge. */
export function ContinuitySeverityBadge({ severity }: { readonly severity: string }) {
  const { t } = useI18n();
  if (
    severity === 'critical' ||
    severity === 'high' ||
    severity === 'medium' ||
    severity === 'low'
  ) {
    return <SeverityBadge severity={severity} />;
  }
  return <span className="badge badge-none">{t('continuity.severity.info')}</span>;
}

/** Flags listed before "show all": the most severe. */
const FLAGS_SHOWN = 15;

/**
 * The flags of an engine, most severe first, each with its severity, message and the entities
 * it concerns. `kindOf` says which kind of entity a subject is (for its link).
 */
export function FlagList({
  flags,
  nameOf,
  kindOf,
  headingId,
}: {
  readonly flags: readonly ContinuityFlagView[];
  readonly nameOf: NameOf;
  readonly kindOf: (id: string) => EntityKind;
  readonly headingId: string;
}) {
  const { t, lang } = useI18n();
  const [all, setAll] = useState(false);
  if (flags.length === 0) return <p className="muted">{t('continuity.flags.none')}</p>;
  const sorted = sortFlags(flags);
  const shown = all ? sorted : sorted.slice(0, FLAGS_SHOWN);
  return (
    <>
      <p className="continuity-flag-counts">
        {flagCounts(flags).map(({ severity, n }) => (
          <span key={severity}>
            <ContinuitySeverityBadge severity={severity} /> {n}
          </span>
        ))}
      </p>
      <ul className="continuity-flags" aria-labelledby={headingId}>
        {shown.map((flag, index) => (
          <li key={`${flag.code}:${flag.subjects.join(',')}:${String(index)}`}>
            <ContinuitySeverityBadge severity={flag.severity} />{' '}
            <span className="continuity-flag-message">{flag.message[lang]}</span>
            {flag.subjects.length === 0 ? null : (
              <span className="continuity-flag-subjects">
                {' '}
                ({t('continuity.flags.subjects')}{' '}
                {flag.subjects.map((id, i) => (
                  <span key={id}>
                    {i > 0 ? ', ' : null}
                    <EntityName kind={kindOf(id)} id={id} nameOf={nameOf} />
                  </span>
                ))}
                )
              </span>
            )}
          </li>
        ))}
      </ul>
      {sorted.length > FLAGS_SHOWN ? (
        <button
          type="button"
          onClick={() => {
            setAll((value) => !value);
          }}
        >
          {all
            ? t('continuity.flags.showFewer', { n: FLAGS_SHOWN })
            : t('continuity.flags.showAll', { n: sorted.length })}
        </button>
      ) : null}
    </>
  );
}

/** The defaults used where the model is silent, folded by default (a native disclosure). */
export function Assumptions({
  assumptions,
}: {
  readonly assumptions: readonly ContinuityAssumptionView[];
}) {
  const { t, lang } = useI18n();
  if (assumptions.length === 0) return <p className="muted">{t('continuity.assumptions.none')}</p>;
  return (
    <details className="continuity-assumptions">
      <summary>{t('continuity.assumptions.title', { n: assumptions.length })}</summary>
      <p className="muted">{t('continuity.assumptions.intro')}</p>
      <ul>
        {assumptions.map((a, index) => (
          <li key={`${a.subject}:${String(index)}`}>
            <code>{a.subject}</code> — {a.message[lang]}
          </li>
        ))}
      </ul>
    </details>
  );
}
