/** SSH: the server sends its identification line first (RFC 4253 §4.2). */
import { parseBanner } from '../ssh/banner.js';
import { identity, latin1, type ServiceIdentifier } from './session.js';

export const SSH_IDENTIFIER: ServiceIdentifier = {
  id: 'ssh',
  protocols: ['ssh'],
  ports: [22, 2222],
  greeting: (banner) => {
    const line = latin1(banner)
      .split(/\r?\n/)
      .find((l) => l.startsWith('SSH-'));
    const parsed = line === undefined ? null : parseBanner(line.trim());
    if (parsed === null) return Promise.resolve(null);
    const details: Record<string, string> = { protocolVersion: parsed.protocol };
    if (parsed.os !== null) details['os'] = parsed.os;
    return Promise.resolve(
      identity({
        protocol: 'ssh',
        tls: false,
        product: parsed.product ?? undefined,
        version: parsed.version ?? undefined,
        banner: parsed.raw,
        details,
      }),
    );
  },
};
