/** SMTP: 220 greeting, EHLO, STARTTLS offered (RFC 5321, 3207); SMTPS inside TLS. */
import { latin1, type ServiceIdentifier } from './session.js';
import { follow, mailIdentity } from './mail.js';

export const SMTP_IDENTIFIER: ServiceIdentifier = {
  id: 'smtp',
  protocols: ['smtp', 'smtps'],
  ports: [25, 587, 465, 2525],
  greeting: async (banner, session) => {
    const text = latin1(banner);
    if (!/^220[ -]/.test(text) || /ftp/i.test(text)) return null;
    const tls = session.tls;
    const caps = await follow(session, 'EHLO vigie.invalid', /^\d{3} /);
    if (!/^250/m.test(caps) && !/smtp|mail/i.test(text)) return null;
    return mailIdentity(tls ? 'smtps' : 'smtp', banner, tls, caps, /^250[ -]STARTTLS/im);
  },
};
