/**
 * What the audit platform tests share: a small model whose web server stands at 127.0.0.100
 * (the platform API's loopback range), a TCP listener standing for it, and a port scan over the
 * audit network that needs nothing but `connect` (the campaign's own scan is tested in
 * src/audit/ports).
 */
import { createServer, type Server } from 'node:net';
import type { CampaignModules } from '../../audit/campaign/modules.js';

/** The loopback address the platform tests scan (P's range: 127.0.0.100–109). */
export const LAB_ADDRESS = '127.0.0.100';
/** An address of the range the tests' allowlist leaves out (never connected to). */
export const OUTSIDE_ADDRESS = '127.0.0.101';

/** `srv-web` declares HTTPS on 443 at {@link LAB_ADDRESS}; owned by `ops`. */
export const LAB_MODEL = `
organisation: { name: Lab, securityReferent: ops }
identities:
  - { id: ops, kind: person, name: Ops team }
zones: [{ id: lan, kind: user }]
assets:
  - id: srv-web
    kind: server
    owner: ops
    addresses: [${LAB_ADDRESS}]
    services:
      - { port: 443, protocol: https }
`;

/** A scope mapping srv-web to the lab address, scanning `port` on it and one address outside. */
export function labScope(port: number): string {
  return [
    'name: Lab audit',
    'model: mapped',
    'targets:',
    `  - host: ${LAB_ADDRESS}`,
    '    asset: srv-web',
    `    ports: [${String(port)}]`,
    `  - host: ${OUTSIDE_ADDRESS}`,
    `    ports: [${String(port)}]`,
    'ports: declared',
    'limits: { concurrency: 4, timeout: 500ms }',
    '',
  ].join('\n');
}

/** A TCP listener on the lab address (port 0: ephemeral) that closes every connection. */
export async function startListener(): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = createServer((socket) => {
    socket.end();
  });
  await new Promise<void>((resolve) => server.listen(0, LAB_ADDRESS, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A connect scan through the campaign's (guarded) network: open = the connection succeeded. */
export const CONNECT_SCAN_MODULES: CampaignModules = {
  endpoints: [],
  scan: async (net, targets, options) => {
    const results = [];
    let done = 0;
    const total = targets.reduce((sum, t) => sum + t.ports.length, 0);
    for (const target of targets) {
      const open: number[] = [];
      for (const port of target.ports) {
        const outcome = await net.connect(
          { address: target.address, port },
          { timeoutMs: options.timeoutMs },
        );
        if (outcome.ok) {
          open.push(port);
          outcome.conn.close();
        }
        done += 1;
        options.onProgress?.(done, total);
      }
      results.push({
        address: target.address,
        open,
        tried: target.ports.length,
        reachable: open.length > 0,
      });
    }
    return results;
  },
};
