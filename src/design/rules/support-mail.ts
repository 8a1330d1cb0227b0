import type { Organisation } from '../../domain/model/index.js';
import type { LocalizedText } from '../text.js';

type MailDomain = NonNullable<Organisation['domains']>[number];

/**
 * What the model says of a domain's DMARC policy: enforced (quarantine or reject), monitoring
 * only (`p=none`, stated), or not known (`unknown`, or left out: nobody checked).
 */
export type DmarcState = 'enforced' | 'monitoring' | 'unknown';

/** The DMARC state of a mail domain, shared by the mail rules and the CP1 hygiene evidence. */
export function dmarcState(domain: MailDomain): DmarcState {
  if (domain.dmarc === 'quarantine' || domain.dmarc === 'reject') return 'enforced';
  if (domain.dmarc === 'none') return 'monitoring';
  return 'unknown';
}

/** How every message names a domain's DMARC state (`p=none`, or the policy is not known). */
export function dmarcWording(domain: MailDomain): LocalizedText {
  switch (dmarcState(domain)) {
    case 'enforced':
      return { en: `p=${domain.dmarc ?? ''}`, fr: `p=${domain.dmarc ?? ''}` };
    case 'monitoring':
      return { en: 'p=none', fr: 'p=none' };
    case 'unknown':
      return {
        en: 'DMARC policy not known: check it',
        fr: 'politique DMARC non connue : la vérifier',
      };
  }
}
