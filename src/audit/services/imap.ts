/** IMAP: `* OK` greeting, CAPABILITY, STARTTLS (RFC 9051); IMAPS inside TLS. */
import { latin1, type ServiceIdentifier } from './session.js';
import { follow, mailIdentity } from './mail.js';

export const IMAP_IDENTIFIER: ServiceIdentifier = {
  id: 'imap',
  protocols: ['imap', 'imaps'],
  ports: [143, 993],
  greeting: async (banner, session) => {
    const text = latin1(banner);
    if (!/^\* (OK|PREAUTH)/i.test(text)) return null;
    const tls = session.tls;
    const caps = /CAPABILITY/i.test(text) ? text : await follow(session, 'a1 CAPABILITY', /^a1 /i);
    return mailIdentity(tls ? 'imaps' : 'imap', banner, tls, caps, /\bSTARTTLS\b/i);
  },
};
