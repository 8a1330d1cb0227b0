/**
 * The page frame: skip link, header (brand, workspace, search, help, theme, language, account),
 * navigation, main. Below 900 px the navigation folds behind a "Menu" disclosure button.
 * After an in-app navigation, focus moves to the new page's <h1> (or <main> until it renders)
 * and the document title follows the <h1>, so screen reader users hear where they are.
 */
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { Permission, UserView } from '../../../src/platform/api/types';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n';
import { Link, useRouter } from '../lib/router';
import { THEME_CHOICES, applyTheme, readTheme } from '../lib/theme';
import type { ThemeChoice } from '../lib/theme';
import type { WorkspaceValue } from '../lib/workspace';
import { GlobalSearch } from './GlobalSearch';
import { HelpPanel } from './HelpPanel';
import { MenuButton, MenuItem } from './ui/Menu';

/** The workspace's pages; one with a `permission` shows only to roles holding it. */
const NAV: readonly {
  path: string;
  key: MessageKey;
  keepVersion: boolean;
  permission?: Permission;
}[] = [
  { path: '', key: 'nav.dashboard', keepVersion: true },
  { path: '/explore/assets', key: 'nav.explorer', keepVersion: true },
  { path: '/diagram', key: 'nav.diagram', keepVersion: true },
  { path: '/findings', key: 'nav.findings', keepVersion: true },
  { path: '/paths', key: 'nav.paths', keepVersion: true },
  { path: '/continuity', key: 'continuity.nav', keepVersion: true },
  { path: '/security-audit', key: 'securityAudit.nav', keepVersion: false },
  { path: '/edit', key: 'nav.editor', keepVersion: false, permission: 'model.edit' },
  { path: '/versions', key: 'nav.versions', keepVersion: false },
  { path: '/documents', key: 'nav.documents', keepVersion: false },
  { path: '/audit', key: 'nav.audit', keepVersion: false, permission: 'audit.read' },
  {
    path: '/members',
    key: 'account.nav.members',
    keepVersion: false,
    permission: 'members.manage',
  },
];

/** How long to wait for a lazy page's <h1> before leaving focus on <main>. */
const HEADING_WAIT_MS = 3000;

/** The path of the page shown last; shared by the Layout instances the app swaps between. */
let shownPath: string | null = null;

/** Names the document after the page's heading ("Findings — Vigie"). */
function nameDocument(heading: HTMLElement, appName: string): void {
  const text = heading.textContent.trim();
  document.title = text === '' || text === appName ? appName : `${text} — ${appName}`;
}

/**
 * On a path change (not on the first page load, where the browser starts at the top), focus
 * moves to the new page's <h1>, or to <main> until a lazy page renders its heading. The
 * document title follows the heading in both cases.
 */
/** `lang` re-runs it on a language switch, to rename the document in the new language. */
function useRouteFocus(path: string, appName: string, lang: string) {
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const main = mainRef.current;
    const moveFocus = shownPath !== null && shownPath !== path;
    shownPath = path;
    if (main === null) return;
    if (moveFocus) main.focus({ preventScroll: true });
    const settle = (): boolean => {
      // Skip headings React keeps hidden while the next lazy page loads (Suspense fallback).
      const heading = [...main.querySelectorAll('h1')].find((h) => h.getClientRects().length > 0);
      if (heading === undefined) return false;
      nameDocument(heading, appName);
      // Never take focus from a control the user has reached in the meantime.
      const active = document.activeElement;
      if (moveFocus && (active === main || active === document.body || active === null)) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      }
      return true;
    };
    if (settle()) return;
    const observer = new MutationObserver(() => {
      if (settle()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = window.setTimeout(() => {
      observer.disconnect();
    }, HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [path, appName, lang]);
  return mainRef;
}

export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  const [switched, setSwitched] = useState(false);
  return (
    <>
      <button
        type="button"
        className="link-button"
        lang={lang === 'fr' ? 'en' : 'fr'}
        aria-label={t('app.switchLanguageLabel')}
        onClick={() => {
          setLang(lang === 'fr' ? 'en' : 'fr');
          setSwitched(true);
        }}
      >
        {t('app.switchLanguage')}
      </button>
      {/* Present from the start so the change is announced (in the new language). */}
      <span className="visually-hidden" role="status">
        {switched ? t('app.languageChanged') : ''}
      </span>
    </>
  );
}

/** System / light / dark, remembered in this browser. */
export function ThemeSwitch() {
  const { t } = useI18n();
  const [theme, setTheme] = useState<ThemeChoice>(readTheme);
  return (
    <MenuButton
      className="topbar-menu-button"
      label={t('layout.theme')}
      ariaLabel={t('layout.themeLabel', { theme: t(`layout.theme.${theme}`) })}
      placement="bottom end"
      selectedKey={theme}
      onSelect={(key) => {
        const choice = THEME_CHOICES.find((c) => c === key) ?? 'system';
        setTheme(choice);
        applyTheme(choice);
      }}
    >
      {THEME_CHOICES.map((choice) => (
        <MenuItem key={choice} id={choice}>
          {t(`layout.theme.${choice}`)}
        </MenuItem>
      ))}
    </MenuButton>
  );
}

export function Layout({
  user,
  workspace,
  onSignOut,
  children,
}: {
  readonly user: UserView | null;
  readonly workspace: WorkspaceValue | null;
  readonly onSignOut: () => void;
  readonly children: ReactNode;
}) {
  const { t, lang } = useI18n();
  const { location } = useRouter();
  const mainRef = useRouteFocus(location.path, t('app.name'), lang);
  const base = workspace === null ? '' : `/w/${encodeURIComponent(workspace.workspace.id)}`;
  const visibleNav = NAV.filter(
    (item) => item.permission === undefined || workspace?.can(item.permission) === true,
  );
  // Narrow screens: the navigation is a disclosure, closed again after each navigation.
  const [navOpen, setNavOpen] = useState(false);
  useEffect(() => {
    setNavOpen(false);
  }, [location.path]);
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        {workspace === null ? null : (
          <button
            type="button"
            className="nav-toggle"
            aria-expanded={navOpen}
            aria-controls="sidenav"
            aria-label={t('layout.menuLabel')}
            onClick={() => {
              setNavOpen((open) => !open);
            }}
          >
            <span aria-hidden="true">☰</span> {t('layout.menu')}
          </button>
        )}
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        {workspace === null ? null : (
          <span className="topbar-workspace">
            {workspace.workspace.name}
            {workspace.version !== null && workspace.version !== workspace.latest ? (
              <span className="badge badge-version">
                {t('app.version', { n: workspace.version })}
              </span>
            ) : null}
          </span>
        )}
        {workspace === null ? null : <GlobalSearch workspace={workspace} />}
        <span className="spacer" />
        <HelpPanel />
        <ThemeSwitch />
        <LanguageSwitch />
        {user === null ? null : (
          <>
            {user.isAdmin ? (
              <Link
                to="/admin/users"
                aria-current={location.path === '/admin/users' ? 'page' : undefined}
              >
                {t('account.nav.admin')}
              </Link>
            ) : null}
            <Link
              to="/account"
              className="topbar-user"
              // The visible name first (WCAG 2.5.3, label in name), then what the link opens.
              aria-label={`${user.displayName} (${t('account.title')})`}
              aria-current={location.path === '/account' ? 'page' : undefined}
            >
              {user.displayName}
            </Link>
            <button type="button" className="link-button" onClick={onSignOut}>
              {t('app.signOut')}
            </button>
          </>
        )}
      </header>
      {workspace === null ? null : (
        <nav
          id="sidenav"
          className={navOpen ? 'sidenav sidenav-open' : 'sidenav'}
          aria-label={t('nav.main')}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && navOpen) {
              setNavOpen(false);
              document.querySelector<HTMLElement>('.nav-toggle')?.focus();
            }
          }}
        >
          <ul>
            <li>
              <Link to="/">{t('nav.workspaces')}</Link>
            </li>
            {visibleNav.map((item) => {
              const target = workspace.href(item.path, item.keepVersion);
              const current =
                item.path === ''
                  ? location.path === base
                  : location.path.startsWith(
                      `${base}${item.path.split('/').slice(0, 2).join('/')}`,
                    );
              return (
                <li key={item.key}>
                  <Link to={target} aria-current={current ? 'page' : undefined}>
                    {t(item.key)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <main
        id="main"
        ref={mainRef}
        tabIndex={-1}
        className={workspace === null ? 'main-wide' : 'main'}
      >
        {children}
      </main>
    </>
  );
}
