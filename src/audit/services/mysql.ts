/**
 * MySQL / MariaDB: the server sends its handshake packet first (protocol 10: version string,
 * connection id, salt, capability flags; CLIENT_SSL = 0x0800) or an error packet (0xff).
 */
import { identity, latin1, printableBanner, u16le, type ServiceIdentifier } from './session.js';

const CLIENT_SSL = 0x0800;

export const MYSQL_IDENTIFIER: ServiceIdentifier = {
  id: 'mysql',
  protocols: ['mysql'],
  ports: [3306, 3307],
  greeting: (b) => {
    const length = (b[0] ?? 0) | ((b[1] ?? 0) << 8) | ((b[2] ?? 0) << 16);
    if (b.length < 5 || b[3] !== 0 || length < 1 || length > 1024) return Promise.resolve(null);
    if (b[4] === 0xff) {
      const message = printableBanner(b.subarray(7));
      return Promise.resolve(
        identity({
          protocol: 'mysql',
          tls: false,
          product: 'MySQL',
          banner: message,
          details: { error: message },
        }),
      );
    }
    if (b[4] !== 10) return Promise.resolve(null);
    const end = b.indexOf(0, 5);
    if (end < 0) return Promise.resolve(null);
    const raw = latin1(b.subarray(5, end));
    if (!/^\d+\.\d+/.test(raw)) return Promise.resolve(null);
    const capsAt = end + 1 + 4 + 8 + 1;
    const caps = u16le(b, capsAt);
    // MariaDB ≥ 10 prefixes `5.5.5-` for old clients: `5.5.5-10.11.6-MariaDB-0+deb12u1`.
    const mariadb = /(?:5\.5\.5-)?(\d+\.\d+\.\d+)-MariaDB/i.exec(raw);
    const version = mariadb?.[1] ?? /^\d+\.\d+\.\d+/.exec(raw)?.[0];
    const details: Record<string, string> = {
      ssl: b.length > capsAt + 1 && (caps & CLIENT_SSL) !== 0 ? 'yes' : 'no',
    };
    const os = /(deb\d+|ubuntu|el\d)/i.exec(raw)?.[1];
    if (os !== undefined) details['os'] = os;
    return Promise.resolve(
      identity({
        protocol: 'mysql',
        tls: false,
        starttls: details['ssl'] === 'yes',
        product: mariadb === null ? 'MySQL' : 'MariaDB',
        version,
        banner: printableBanner(new TextEncoder().encode(raw)),
        details,
      }),
    );
  },
};
