/**
 * The reminder e-mail: one message per recipient and workspace listing the decisions whose
 * review date is near or passed, in French then English (accounts have no language setting),
 * as text and as HTML with every model text escaped.
 */
import type { Reminder } from './select.js';

export interface ReminderLine extends Reminder {
  readonly title: string;
  readonly severity: string;
}

export interface ReminderMailInput {
  readonly workspaceName: string;
  /** Where the workspace's findings are (`<publicUrl>/w/<id>/findings`), when known. */
  readonly findingsUrl: string | null;
  readonly reminders: readonly ReminderLine[];
}

export interface ReminderMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const escapeHtml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** Control and line-break characters out of a header (subject) value. */
const oneLine = (text: string): string =>
  text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();

function describe(lang: 'fr' | 'en', r: Reminder): string {
  if (r.kind === 'lapsed') {
    return lang === 'fr'
      ? `revue dépassée depuis le ${r.reviewDate} : le constat est de nouveau ouvert`
      : `review date ${r.reviewDate} passed: the finding is open again`;
  }
  if (r.daysLeft === 0) {
    return lang === 'fr' ? `revue aujourd’hui (${r.reviewDate})` : `review today (${r.reviewDate})`;
  }
  const days = r.daysLeft;
  return lang === 'fr'
    ? `revue le ${r.reviewDate} (dans ${String(days)} jour${days > 1 ? 's' : ''})`
    : `review on ${r.reviewDate} (in ${String(days)} day${days === 1 ? '' : 's'})`;
}

export function reminderMail(input: ReminderMailInput): ReminderMail {
  const lapsed = input.reminders.filter((r) => r.kind === 'lapsed').length;
  const upcoming = input.reminders.length - lapsed;
  const workspace = oneLine(input.workspaceName);
  const counts = {
    fr: [
      lapsed > 0 ? `${String(lapsed)} décision${lapsed > 1 ? 's' : ''} à revoir` : '',
      upcoming > 0 ? `${String(upcoming)} revue${upcoming > 1 ? 's' : ''} à venir` : '',
    ]
      .filter((s) => s !== '')
      .join(', '),
    en: [
      lapsed > 0 ? `${String(lapsed)} lapsed decision${lapsed === 1 ? '' : 's'}` : '',
      upcoming > 0 ? `${String(upcoming)} upcoming review${upcoming === 1 ? '' : 's'}` : '',
    ]
      .filter((s) => s !== '')
      .join(', '),
  };
  const subject = `[Vigie] ${workspace} : ${counts.fr} / ${counts.en}`;
  const intro = {
    fr: `Décisions de risque de l’espace « ${workspace} » dont la date de revue approche ou est passée :`,
    en: `Risk decisions of workspace “${workspace}” whose review date is near or passed:`,
  };
  const open = {
    fr: 'Voir les constats',
    en: 'Open the findings',
  };
  const lines = (lang: 'fr' | 'en'): string[] =>
    input.reminders.map((r) => `- ${oneLine(r.title)} [${r.findingId}] — ${describe(lang, r)}`);
  const text = [
    intro.fr,
    '',
    ...lines('fr'),
    ...(input.findingsUrl === null ? [] : ['', `${open.fr} : ${input.findingsUrl}`]),
    '',
    '—',
    '',
    intro.en,
    '',
    ...lines('en'),
    ...(input.findingsUrl === null ? [] : ['', `${open.en}: ${input.findingsUrl}`]),
    '',
  ].join('\n');
  const htmlPart = (lang: 'fr' | 'en'): string =>
    [
      `<section lang="${lang}">`,
      `<p>${escapeHtml(intro[lang])}</p>`,
      '<ul>',
      ...input.reminders.map(
        (r) =>
          `<li><strong>${escapeHtml(r.title)}</strong> <code>${escapeHtml(r.findingId)}</code> — ${escapeHtml(describe(lang, r))}</li>`,
      ),
      '</ul>',
      input.findingsUrl === null
        ? ''
        : `<p><a href="${escapeHtml(input.findingsUrl)}">${escapeHtml(open[lang])}</a></p>`,
      '</section>',
    ].join('\n');
  const html = `<!doctype html><html><body>\n${htmlPart('fr')}\n<hr>\n${htmlPart('en')}\n</body></html>\n`;
  return { subject, text, html };
}
