/**
 * The "?" button of the header and its side panel: what the current page is for and the
 * concepts it uses, in the UI language (messages in web/src/i18n/help.ts). The topic comes from
 * the deepest route with a `handle.help` (web/src/routes.tsx).
 */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useMatches } from 'react-router';
import { lookup, useI18n } from '../i18n';
import type { MessageKey } from '../i18n';
import { SidePanel } from './ui/Dialog';
import './HelpPanel.css';

/** The glossary terms each topic shows, most relevant first. */
export const HELP_TERMS: Readonly<Record<string, readonly string[]>> = {
  general: ['finding', 'attackPath', 'dicp', 'version'],
  workspaces: ['role', 'version'],
  dashboard: ['severity', 'hygiene', 'attackPath', 'dicp', 'version'],
  findings: ['finding', 'severity', 'decision', 'zone', 'dicp'],
  finding: ['finding', 'severity', 'decision', 'dicp', 'rto'],
  paths: ['attackPath', 'chokePoint', 'zone', 'severity'],
  explorer: ['zone', 'dicp', 'rto', 'finding'],
  entity: ['dicp', 'rto', 'zone', 'finding'],
  entityForm: ['dicp', 'rto', 'zone', 'version'],
  diagram: ['zone', 'attackPath', 'chokePoint'],
  editor: ['version', 'dicp', 'rto'],
  versions: ['version', 'decision'],
  diff: ['version'],
  documents: ['document', 'version'],
  continuity: ['bia', 'rto', 'mtpd', 'version'],
  continuityBackups: ['rule32110', 'exposure', 'rto'],
  continuitySimulator: ['scenario', 'rto', 'exposure'],
  continuityExercises: ['exercise', 'rto', 'scenario'],
  audit: ['version', 'decision', 'role'],
  members: ['role'],
  account: [],
  admin: ['role'],
};

/** The help topic of the page on screen. */
export function useHelpTopic(): string {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const handle = matches[i]?.handle as { help?: unknown } | undefined;
    if (typeof handle?.help === 'string' && handle.help in HELP_TERMS) return handle.help;
  }
  return 'general';
}

export function HelpPanel() {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const topic = useHelpTopic();
  const title = lookup(lang, `help.${topic}.title`, t('help.general.title'));
  return (
    <>
      <Button
        className="help-button"
        aria-label={t('layout.helpLabel')}
        onPress={() => {
          setOpen(true);
        }}
      >
        <span aria-hidden="true">?</span>
        <span className="help-button-text">{t('layout.help')}</span>
      </Button>
      <SidePanel title={t('help.title', { page: title })} isOpen={open} onOpenChange={setOpen}>
        <div className="help-panel">
          <p>{lookup(lang, `help.${topic}.intro`, t('help.general.intro'))}</p>
          {(HELP_TERMS[topic] ?? []).length === 0 ? null : (
            <>
              <h3>{t('help.terms')}</h3>
              <dl className="help-terms">
                {(HELP_TERMS[topic] ?? []).map((term) => (
                  <div key={term}>
                    <dt>{t(`help.term.${term}` as MessageKey)}</dt>
                    <dd>{t(`help.term.${term}.text` as MessageKey)}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          <p className="help-keys">{t('help.more')}</p>
        </div>
      </SidePanel>
    </>
  );
}
