/**
 * What the SSH probe saw on one endpoint, as plain JSON data the SSH checks judge: the
 * identification banner, the server's KEXINIT algorithm lists, the host key it presented and
 * the user-authentication methods it offers (learned after a real key exchange).
 */

/** The identification string `SSH-protoversion-softwareversion SP comments` (RFC 4253 §4.2). */
export interface SshBanner {
  /** The line as sent (printable, trimmed to 255 characters). */
  readonly raw: string;
  /** `2.0`, `1.99` (SSH-1 and SSH-2), `1.5`… */
  readonly protocol: string;
  /** `OpenSSH_9.2p1` */
  readonly software: string;
  /** `OpenSSH`, `dropbear`… (null when the software string has no recognisable product). */
  readonly product: string | null;
  /** `9.2p1` */
  readonly version: string | null;
  /** `Debian-2+deb12u10` */
  readonly comments: string | null;
  /** Operating system the comments name (`Debian`, `Ubuntu`, `FreeBSD`…), if any. */
  readonly os: string | null;
}

/** Algorithm lists a server's KEXINIT advertises, in its order of preference. */
export interface SshAlgorithms {
  /** Key exchanges, pseudo-algorithms (`ext-info-s`, `kex-strict-s-v00@openssh.com`) removed. */
  readonly kex: readonly string[];
  readonly hostKeys: readonly string[];
  readonly ciphers: { readonly c2s: readonly string[]; readonly s2c: readonly string[] };
  readonly macs: { readonly c2s: readonly string[]; readonly s2c: readonly string[] };
  readonly compression: { readonly c2s: readonly string[]; readonly s2c: readonly string[] };
  /** The server marks the Terrapin counter-measure (`kex-strict-s-v00@openssh.com`). */
  readonly strictKex: boolean;
  /** The server supports RFC 8308 extension negotiation (`ext-info-s`). */
  readonly extInfo: boolean;
}

export interface SshObservation {
  readonly target: { readonly address: string; readonly port: number };
  /** A TCP connection was established. */
  readonly reachable: boolean;
  /** Why the probe stopped early (no banner, not SSH, timeout…); null when it went through. */
  readonly error: string | null;
  readonly banner: SshBanner | null;
  /** Lines the server sent before its banner (RFC 4253 allows them; shown as evidence). */
  readonly preamble: readonly string[];
  /** Null when no SSH-2 KEXINIT was received (SSH-1 only, or the server stopped first). */
  readonly algorithms: SshAlgorithms | null;
  /** The host key the server proved during our exchange (type and size, e.g. RSA bits). */
  readonly hostKey: { readonly type: string; readonly bits: number | null } | null;
  /** What our client and the server agreed on to reach the authentication service. */
  readonly negotiated: {
    readonly kex: string;
    readonly hostKey: string;
    readonly cipher: string;
    readonly mac: string;
  } | null;
  /** Methods a `none` request was refused with (`publickey`, `password`…); null if unknown. */
  readonly authMethods: readonly string[] | null;
  /** Why `authMethods` is null (no common algorithm, server closed…). */
  readonly authError: string | null;
  /** The pre-authentication banner text the server sent, if any (trimmed). */
  readonly authBanner: string | null;
  readonly durationMs: number;
}
