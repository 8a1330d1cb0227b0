/** FTP: 220 greeting, FEAT, AUTH TLS offered (RFC 959, 2389, 4217); FTPS inside TLS. */
import { latin1, type ServiceIdentifier } from './session.js';
import { follow, mailIdentity } from './mail.js';

export const FTP_IDENTIFIER: ServiceIdentifier = {
  id: 'ftp',
  protocols: ['ftp', 'ftps'],
  ports: [21, 990],
  greeting: async (banner, session) => {
    const text = latin1(banner);
    if (!/^220[ -]/.test(text)) return null;
    const tls = session.tls;
    const feat = await follow(session, 'FEAT', /^\d{3} /);
    if (!/ftp/i.test(text) && !/^211/m.test(feat)) return null;
    return mailIdentity(tls ? 'ftps' : 'ftp', banner, tls, feat, /^\s*AUTH\b.*\bTLS\b/im);
  },
};
