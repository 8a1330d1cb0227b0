/**
 * The continuity area's own navigation, under each page's <h1>: business impact · backups ·
 * simulator · exercises, and a link to the documents page to generate the PRA document. Links
 * (not ARIA tabs): each is a page with its own URL; the current one has aria-current="page".
 */
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { Link, useRouter } from '../../lib/router';
import { useWorkspace } from '../../lib/workspace';
import './continuity.css';

/** The area's pages: path under the workspace and tab label. */
export const CONTINUITY_TABS: readonly { readonly path: string; readonly key: MessageKey }[] = [
  { path: '/continuity', key: 'continuity.tabs.bia' },
  { path: '/continuity/backups', key: 'continuity.tabs.backups' },
  { path: '/continuity/simulator', key: 'continuity.tabs.simulator' },
  { path: '/continuity/exercises', key: 'continuity.tabs.exercises' },
];

export function ContinuityTabs() {
  const { t } = useI18n();
  const { workspace, href } = useWorkspace();
  const { location } = useRouter();
  const base = `/w/${encodeURIComponent(workspace.id)}`;
  return (
    <nav className="continuity-tabs" aria-label={t('continuity.tabs.label')}>
      <ul>
        {CONTINUITY_TABS.map((tab) => (
          <li key={tab.path}>
            <Link
              to={href(tab.path)}
              aria-current={location.path === `${base}${tab.path}` ? 'page' : undefined}
            >
              {t(tab.key)}
            </Link>
          </li>
        ))}
        <li className="continuity-tabs-document">
          <Link to={`${href('/documents', false)}?kind=pra`}>{t('continuity.tabs.document')}</Link>
        </li>
      </ul>
    </nav>
  );
}
