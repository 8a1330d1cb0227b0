/** Redis: `PING` (`+PONG` or `-NOAUTH`), then `INFO server` for redis_version (RESP). */
import { identity, latin1, printableBanner, type ServiceIdentifier } from './session.js';

const respDone = (bytes: Uint8Array): boolean => {
  const text = latin1(bytes);
  const bulk = /^\$(\d+)\r\n/.exec(text);
  if (bulk?.[1] !== undefined) return bytes.length >= bulk[0].length + Number(bulk[1]) + 2;
  return text.includes('\r\n');
};

export const REDIS_IDENTIFIER: ServiceIdentifier = {
  id: 'redis',
  protocols: ['redis'],
  ports: [6379, 6380],
  probe: async (session) => {
    const ping = latin1((await session.ask('PING\r\n', respDone)).bytes);
    const banner = printableBanner(new TextEncoder().encode(ping), 200);
    if (/^-NOAUTH|^-(ERR )?(Authentication|DENIED)/.test(ping)) {
      return identity({
        protocol: 'redis',
        tls: session.tls,
        product: 'Redis',
        banner,
        details: { auth: 'required' },
      });
    }
    if (!ping.startsWith('+PONG')) return null;
    const info = latin1((await session.ask('INFO server\r\n', respDone)).bytes);
    const details: Record<string, string> = { auth: 'none' };
    const os = /^os:([^\r\n]*)/m.exec(info)?.[1];
    if (os !== undefined) details['os'] = os.slice(0, 100);
    const mode = /^redis_mode:([^\r\n]*)/m.exec(info)?.[1];
    if (mode !== undefined) details['mode'] = mode;
    return identity({
      protocol: 'redis',
      tls: session.tls,
      product: 'Redis',
      version: /^redis_version:([\w.-]+)/m.exec(info)?.[1],
      banner,
      details,
    });
  },
};
