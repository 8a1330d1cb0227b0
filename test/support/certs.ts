/**
 * A test PKI made with the `openssl` command in a temp directory: a root CA, an intermediate CA and
 * leaf certificates with one known defect each (expired, not yet valid, wrong host, self-signed,
 * incomplete chain, RSA 1024, SHA-1 signature) plus sound RSA 2048 and ECDSA P-256 leaves.
 *
 * Validity dates are relative to the real clock (`openssl ca -startdate/-enddate`), so a check run
 * with `today` = the current date sees them as intended.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One certificate as a server would use it: `cert` is the PEM file nginx sends (leaf first). */
export interface TestCertificate {
  /** PEM file with the leaf and what the server sends after it (intermediate), nginx's `ssl_certificate`. */
  readonly cert: string;
  /** PEM private key file, nginx's `ssl_certificate_key`. */
  readonly key: string;
  /** PEM file with the leaf alone. */
  readonly leaf: string;
}

export const LEAF_KINDS = [
  'valid',
  'ecdsa',
  'expired',
  'notYetValid',
  'expiringSoon',
  'wrongHost',
  'selfSigned',
  'incompleteChain',
  'rsa1024',
  'sha1',
  'mustStaple',
] as const;
export type LeafKind = (typeof LEAF_KINDS)[number];

export interface TestPki {
  readonly dir: string;
  /** The root CA's PEM file: the trust anchor tests pass to the checks (`ca`). */
  readonly caCert: string;
  /** The root CA's PEM text. */
  readonly caPem: string;
  /** The intermediate CA's PEM file (signs every leaf but the self-signed one). */
  readonly intermediateCert: string;
  readonly leaves: Readonly<Record<LeafKind, TestCertificate>>;
  /** The host names (and IPs) the sound leaves are issued for. */
  readonly hosts: readonly string[];
  /** Writes DH parameters of this size (1024: weak, generated; 2048: RFC 7919 ffdhe2048). */
  dhParams(bits: 1024 | 2048): string;
  /** Removes the directory. */
  dispose(): void;
}

export interface TestPkiOptions {
  /** DNS names and IP literals the sound leaves cover (subjectAltName); default `localhost`, 127.0.0.1. */
  readonly hosts?: readonly string[];
  /** The name the wrong-host leaf is issued for (default `wrong.host.invalid`). */
  readonly wrongHost?: string;
}

const DAY_MS = 86_400_000;

function openssl(args: readonly string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`openssl ${args.slice(0, 2).join(' ')} failed: ${stderr.trim()}`, {
      cause: error,
    });
  }
}

/** `YYYYMMDDHHMMSSZ` for `openssl ca`, `days` from now. */
function caDate(days: number): string {
  return new Date(Date.now() + days * DAY_MS)
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function sanOf(hosts: readonly string[]): string {
  return hosts.map((h) => (/^[\d.]+$|:/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
}

function newKey(dir: string, name: string, spec: 'rsa2048' | 'rsa1024' | 'p256'): string {
  const file = join(dir, `${name}.key`);
  const args =
    spec === 'p256'
      ? ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']
      : ['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${spec.slice(3)}`];
  openssl([...args, '-out', file], dir);
  return file;
}

interface Issue {
  readonly name: string;
  readonly key: string;
  readonly subject: string;
  readonly issuer: { cert: string; key: string };
  readonly from: number;
  readonly to: number;
  readonly extensions: string;
  readonly md?: string;
}

/** Signs a CSR for `key` with `openssl ca` (explicit start and end dates). */
function issue(dir: string, spec: Issue): string {
  const csr = join(dir, `${spec.name}.csr`);
  const out = join(dir, `${spec.name}.pem`);
  const ext = join(dir, `${spec.name}.ext`);
  writeFileSync(ext, spec.extensions);
  openssl(['req', '-new', '-key', spec.key, '-subj', spec.subject, '-out', csr], dir);
  openssl(
    [
      'ca',
      '-batch',
      '-config',
      join(dir, 'ca.cnf'),
      '-cert',
      spec.issuer.cert,
      '-keyfile',
      spec.issuer.key,
      '-in',
      csr,
      '-out',
      out,
      '-notext',
      '-md',
      spec.md ?? 'sha256',
      '-startdate',
      caDate(spec.from),
      '-enddate',
      caDate(spec.to),
      '-extfile',
      ext,
    ],
    dir,
  );
  return out;
}

const CA_CONF = (dir: string): string => `
[ca]
default_ca = test
[test]
dir = ${dir}
database = ${join(dir, 'index.txt')}
new_certs_dir = ${dir}
serial = ${join(dir, 'serial')}
policy = anything
unique_subject = no
email_in_dn = no
[anything]
commonName = supplied
organizationName = optional
`;

const CA_EXT = 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n';
const leafExt = (hosts: readonly string[], extra = ''): string =>
  `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n` +
  `extendedKeyUsage=serverAuth\nsubjectAltName=${sanOf(hosts)}\n${extra}`;

function concat(dir: string, name: string, files: readonly string[]): string {
  const out = join(dir, name);
  writeFileSync(out, files.map((f) => readFileSync(f, 'utf8')).join(''));
  return out;
}

/** Builds the whole PKI (about a second: RSA keys are generated once and reused). */
export function createTestPki(options: TestPkiOptions = {}): TestPki {
  const hosts = options.hosts ?? ['localhost', '127.0.0.1'];
  const wrongHost = options.wrongHost ?? 'wrong.host.invalid';
  const dir = mkdtempSync(join(tmpdir(), 'vigie-pki-'));
  writeFileSync(join(dir, 'ca.cnf'), CA_CONF(dir));
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');

  const caKey = newKey(dir, 'root', 'p256');
  const caCert = join(dir, 'root.pem');
  openssl(
    ['req', '-x509', '-key', caKey, '-subj', '/CN=Vigie Test Root CA', '-days', '3650']
      .concat(['-addext', 'basicConstraints=critical,CA:TRUE'])
      .concat(['-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', caCert]),
    dir,
  );
  const root = { cert: caCert, key: caKey };
  const interKey = newKey(dir, 'intermediate', 'p256');
  const interCert = issue(dir, {
    name: 'intermediate',
    key: interKey,
    subject: '/CN=Vigie Test Intermediate CA',
    issuer: root,
    from: -30,
    to: 3000,
    extensions: CA_EXT,
  });
  const inter = { cert: interCert, key: interKey };

  const rsa = newKey(dir, 'leaf-rsa', 'rsa2048');
  const cn = `/CN=${hosts[0] ?? 'localhost'}`;
  const leaves = {} as Record<LeafKind, TestCertificate>;
  const chained = (
    kind: LeafKind,
    spec: Omit<Issue, 'name' | 'issuer' | 'subject'> & { subject?: string },
  ): void => {
    const leaf = issue(dir, { name: kind, issuer: inter, subject: spec.subject ?? cn, ...spec });
    leaves[kind] = {
      leaf,
      key: spec.key,
      cert: concat(dir, `${kind}-fullchain.pem`, [leaf, interCert]),
    };
  };
  chained('valid', { key: rsa, from: -1, to: 365, extensions: leafExt(hosts) });
  chained('ecdsa', {
    key: newKey(dir, 'leaf-ec', 'p256'),
    from: -1,
    to: 365,
    extensions: leafExt(hosts),
  });
  chained('expired', { key: rsa, from: -400, to: -30, extensions: leafExt(hosts) });
  chained('notYetValid', { key: rsa, from: 30, to: 400, extensions: leafExt(hosts) });
  chained('expiringSoon', { key: rsa, from: -300, to: 10, extensions: leafExt(hosts) });
  chained('wrongHost', {
    key: rsa,
    subject: `/CN=${wrongHost}`,
    from: -1,
    to: 365,
    extensions: leafExt([wrongHost]),
  });
  chained('rsa1024', {
    key: newKey(dir, 'leaf-rsa1024', 'rsa1024'),
    from: -1,
    to: 365,
    extensions: leafExt(hosts),
  });
  chained('sha1', { key: rsa, from: -1, to: 365, extensions: leafExt(hosts), md: 'sha1' });
  chained('mustStaple', {
    key: rsa,
    from: -1,
    to: 365,
    extensions: leafExt(hosts, '1.3.6.1.5.5.7.1.24=DER:30:03:02:01:05\n'),
  });
  chained('incompleteChain', { key: rsa, from: -1, to: 365, extensions: leafExt(hosts) });
  const incomplete = leaves.incompleteChain;
  leaves.incompleteChain = { ...incomplete, cert: incomplete.leaf };

  const selfSigned = join(dir, 'self-signed.pem');
  openssl(
    ['req', '-x509', '-key', rsa, '-subj', cn, '-days', '365', '-out', selfSigned].concat([
      '-addext',
      `subjectAltName=${sanOf(hosts)}`,
    ]),
    dir,
  );
  leaves.selfSigned = { cert: selfSigned, key: rsa, leaf: selfSigned };

  return {
    dir,
    caCert,
    caPem: readFileSync(caCert, 'utf8'),
    intermediateCert: interCert,
    leaves,
    hosts,
    dhParams(bits) {
      const file = join(dir, `dh${String(bits)}.pem`);
      if (bits === 2048)
        openssl(
          ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048', '-out', file],
          dir,
        );
      else openssl(['dhparam', '-dsaparam', '-out', file, '1024'], dir);
      return file;
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
