/** POP3: `+OK` greeting, CAPA, STLS (RFC 1939, 2449, 2595); POP3S inside TLS. */
import { latin1, type ServiceIdentifier } from './session.js';
import { follow, mailIdentity } from './mail.js';

export const POP3_IDENTIFIER: ServiceIdentifier = {
  id: 'pop3',
  protocols: ['pop3'],
  ports: [110, 995],
  greeting: async (banner, session) => {
    const text = latin1(banner);
    if (!/^\+OK/.test(text)) return null;
    const tls = session.tls;
    const caps = await follow(session, 'CAPA', /^(\.|-ERR)/);
    return mailIdentity('pop3', banner, tls, caps, /^STLS\b/im);
  },
};
