import { createServer, Socket, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeNet } from '../net/node-net.js';
import { identifyService } from './identify.js';

const HOST = '127.0.0.30';
const servers: Server[] = [];
const timers: NodeJS.Timeout[] = [];
const sockets: Socket[] = [];

function serve(port: number, onConnection: (socket: Socket) => void): Promise<void> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    sockets.push(socket);
    onConnection(socket);
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(port, HOST, resolve));
}

afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

const net = nodeNet();
const options = { timeoutMs: 600, maxBytes: 4096 };

async function open(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
    socket.connect(port, '127.0.0.1');
  });
}

describe('identifyService against fake servers', () => {
  it('reads an SSH banner: product, version and OS hint', async () => {
    await serve(22001, (s) => s.write('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n'));
    const id = await identifyService(net, { address: HOST, port: 22001 }, options);
    expect(id).toMatchObject({
      protocol: 'ssh',
      product: 'OpenSSH',
      version: '9.2p1',
      details: { os: 'Debian' },
    });
  });

  it('SMTP with STARTTLS offered after EHLO', async () => {
    await serve(22002, (s) => {
      s.write('220 mail.test ESMTP Postfix (Debian/GNU)\r\n');
      s.on('data', (d) => {
        if (/^EHLO/i.test(d.toString()))
          s.write('250-mail.test\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n');
      });
    });
    const id = await identifyService(net, { address: HOST, port: 22002 }, options);
    expect(id).toMatchObject({ protocol: 'smtp', starttls: true, product: 'Postfix', tls: false });
  });

  it('FTP without AUTH TLS is not starttls', async () => {
    await serve(22003, (s) => {
      s.write('220 (vsFTPd 3.0.3)\r\n');
      s.on('data', () => s.write('211-Features:\r\n PASV\r\n211 End\r\n'));
    });
    const id = await identifyService(net, { address: HOST, port: 22003 }, options);
    expect(id).toMatchObject({
      protocol: 'ftp',
      starttls: false,
      product: 'vsFTPd',
      version: '3.0.3',
    });
  });

  it('IMAP and POP3 greetings with their capabilities', async () => {
    await serve(22004, (s) => {
      s.write('* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] Dovecot ready.\r\n');
    });
    await serve(22005, (s) => {
      s.write('+OK Dovecot ready.\r\n');
      s.on('data', () => s.write('+OK\r\nUSER\r\nSTLS\r\n.\r\n'));
    });
    expect(await identifyService(net, { address: HOST, port: 22004 }, options)).toMatchObject({
      protocol: 'imap',
      starttls: true,
      product: 'Dovecot',
    });
    expect(await identifyService(net, { address: HOST, port: 22005 }, options)).toMatchObject({
      protocol: 'pop3',
      starttls: true,
    });
  });

  it('RDP negotiation response: CredSSP selected means NLA', async () => {
    await serve(22006, (s) =>
      s.once('data', (d) => {
        // MS-RDPBCGR 2.2.1.2: TPKT, X.224 CC, RDP_NEG_RSP selecting PROTOCOL_HYBRID (2).
        if (d[0] === 3 && d[5] === 0xe0)
          s.write(
            Buffer.from([3, 0, 0, 19, 14, 0xd0, 0, 0, 0x12, 0x34, 0, 2, 0x1f, 8, 0, 2, 0, 0, 0]),
          );
      }),
    );
    await serve(22007, (s) =>
      s.once('data', () =>
        s.write(Buffer.from([3, 0, 0, 19, 14, 0xd0, 0, 0, 0x12, 0x34, 0, 3, 0, 8, 0, 2, 0, 0, 0])),
      ),
    );
    const nla = await identifyService(
      net,
      { address: HOST, port: 22006 },
      { ...options, hint: 'rdp' },
    );
    expect(nla).toMatchObject({
      protocol: 'rdp',
      details: { selectedProtocol: 'credssp', nla: 'yes', standardSecurity: 'no' },
    });
    const legacy = await identifyService(
      net,
      { address: HOST, port: 22007 },
      { ...options, hint: 'rdp' },
    );
    expect(legacy).toMatchObject({
      protocol: 'rdp',
      details: { failure: 'ssl-not-allowed-by-server', standardSecurity: 'yes' },
    });
  });

  it('SMB2 negotiate: dialect, signing required, SMB1 refused', async () => {
    await serve(22008, (s) =>
      s.once('data', (d) => {
        if (d[4] !== 0xfe) return void s.destroy(); // SMB1 negotiate: an SMB2-only server hangs up
        const header = Buffer.alloc(64);
        Buffer.from([0xfe, 0x53, 0x4d, 0x42]).copy(header);
        header.writeUInt16LE(64, 4);
        header.writeUInt16LE(0, 12); // NEGOTIATE
        header.writeUInt32LE(1, 16); // response flag
        const body = Buffer.alloc(65);
        body.writeUInt16LE(65, 0);
        body.writeUInt16LE(0x03, 2); // signing enabled + required
        body.writeUInt16LE(0x0302, 4);
        const frame = Buffer.concat([Buffer.from([0, 0, 0, 129]), header, body]);
        s.write(frame);
      }),
    );
    const id = await identifyService(
      net,
      { address: HOST, port: 22008 },
      { ...options, hint: 'smb' },
    );
    expect(id).toMatchObject({
      protocol: 'smb',
      version: '3.0.2',
      details: { dialect: '3.0.2', signingRequired: 'yes', smb1: 'no' },
    });
  });

  it('LDAP rootDSE with StartTLS listed', async () => {
    const oct = (t: string): Buffer => Buffer.concat([Buffer.from([4, t.length]), Buffer.from(t)]);
    const seq = (tag: number, ...parts: Buffer[]): Buffer => {
      const c = Buffer.concat(parts);
      return Buffer.concat([Buffer.from([tag, c.length]), c]);
    };
    const attr = (name: string, ...values: string[]): Buffer =>
      seq(0x30, oct(name), seq(0x31, ...values.map(oct)));
    const entry = seq(
      0x30,
      Buffer.from([2, 1, 1]),
      seq(
        0x64,
        oct(''),
        seq(
          0x30,
          attr('vendorName', 'OpenLDAP'),
          attr('supportedExtension', '1.3.6.1.4.1.1466.20037'),
        ),
      ),
    );
    const done = seq(
      0x30,
      Buffer.from([2, 1, 1]),
      seq(0x65, Buffer.from([0x0a, 1, 0]), oct(''), oct('')),
    );
    await serve(22009, (s) =>
      s.once('data', (d) => (d[0] === 0x30 ? s.write(Buffer.concat([entry, done])) : s.destroy())),
    );
    const id = await identifyService(
      net,
      { address: HOST, port: 22009 },
      { ...options, hint: 'ldap' },
    );
    expect(id).toMatchObject({
      protocol: 'ldap',
      starttls: true,
      product: 'OpenLDAP',
      details: { anonymousRootDse: 'yes' },
    });
  });

  it('HTTP with Server header on a port with no hint', async () => {
    await serve(22010, (s) =>
      s.once('data', () =>
        s.end(
          'HTTP/1.1 200 OK\r\nServer: Apache/2.4.62 (Debian)\r\nX-Powered-By: PHP/8.2.1\r\n\r\n',
        ),
      ),
    );
    const id = await identifyService(net, { address: HOST, port: 22010 }, options);
    expect(id).toMatchObject({
      protocol: 'http',
      product: 'Apache',
      version: '2.4.62',
      details: { poweredBy: 'PHP/8.2.1' },
    });
  });
});

describe('hostile targets cost at most about two timeouts and say unknown', () => {
  const cases: [string, number, (s: Socket) => void][] = [
    ['silent', 22020, () => undefined],
    ['garbage', 22021, (s) => s.write(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x99, 0x0a]))],
    [
      'endless banner',
      22022,
      (s) => {
        const t = setInterval(() => s.write('A'.repeat(1024)), 5);
        timers.push(t);
        s.on('close', () => {
          clearInterval(t);
        });
      },
    ],
    [
      'slow drip',
      22023,
      (s) => {
        const t = setInterval(() => s.write('x'), 50);
        timers.push(t);
        s.on('close', () => {
          clearInterval(t);
        });
      },
    ],
  ];
  for (const [name, port, behaviour] of cases) {
    it(name, async () => {
      await serve(port, behaviour);
      const started = Date.now();
      const id = await identifyService(net, { address: HOST, port }, options);
      const elapsed = Date.now() - started;
      expect(id.protocol).toBe('unknown');
      expect(elapsed).toBeLessThan(2 * options.timeoutMs + 300);
      expect(id.banner ?? '').not.toMatch(/[^\x20-\x7e]/);
    });
  }

  it('a closed port is unknown with the failure', async () => {
    const id = await identifyService(net, { address: HOST, port: 22999 }, options);
    expect(id).toMatchObject({ protocol: 'unknown', details: { error: 'refused' } });
  });
});

describe('running local databases (read-only probes)', () => {
  const local = { address: '127.0.0.1' };
  it('Redis 127.0.0.1:6379', async (ctx) => {
    if (!(await open(6379))) return ctx.skip('Redis is not listening on 127.0.0.1:6379');
    const id = await identifyService(net, { ...local, port: 6379 }, options);
    expect(id.protocol).toBe('redis');
    expect(id.product).toBe('Redis');
    expect(id.version ?? id.details?.['auth']).toBeTruthy();
  });
  it('PostgreSQL 127.0.0.1:5432', async (ctx) => {
    if (!(await open(5432))) return ctx.skip('PostgreSQL is not listening on 127.0.0.1:5432');
    const id = await identifyService(net, { ...local, port: 5432 }, options);
    expect(id).toMatchObject({ protocol: 'postgresql', product: 'PostgreSQL' });
    expect(typeof id.starttls).toBe('boolean');
  });
  it('MariaDB 127.0.0.1:3306', async (ctx) => {
    if (!(await open(3306))) return ctx.skip('MariaDB is not listening on 127.0.0.1:3306');
    const id = await identifyService(net, { ...local, port: 3306 }, options);
    expect(id.protocol).toBe('mysql');
    expect(id.product).toMatch(/MariaDB|MySQL/);
    expect(id.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
