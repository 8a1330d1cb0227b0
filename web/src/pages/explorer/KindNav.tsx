/** Links to the list of each entity kind; the current one is marked with aria-current. */
import { ENTITY_KINDS } from '../../../../src/platform/api/types';
import { useI18n } from '../../i18n';
import { Link } from '../../lib/router';
import { useWorkspace } from '../../lib/workspace';

export function KindNav({ current }: { readonly current: string }) {
  const { t } = useI18n();
  const { href } = useWorkspace();
  return (
    <nav className="explorer-kinds" aria-label={t('explorer.kinds')}>
      <ul>
        {ENTITY_KINDS.map((kind) => (
          <li key={kind}>
            <Link
              to={href(`/explore/${kind}`)}
              aria-current={kind === current ? 'page' : undefined}
            >
              {t(`kind.${kind}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
