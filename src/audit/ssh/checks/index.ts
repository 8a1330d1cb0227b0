/**
 * Every SSH check, in report order. Adding one: a file named after its id, a test case, a line
 * here. Run with `runChecks(SSH_CHECKS, observation, undefined)`.
 */
import { sshAuthNone } from './ssh-auth-none.js';
import { sshCipherWarning } from './ssh-cipher-warning.js';
import { sshCipherWeak } from './ssh-cipher-weak.js';
import { sshCompressionBeforeAuth } from './ssh-compression-before-auth.js';
import { sshHostKeyWarning } from './ssh-host-key-warning.js';
import { sshHostKeyWeak } from './ssh-host-key-weak.js';
import { sshKexNotPostQuantum } from './ssh-kex-not-post-quantum.js';
import { sshKexWarning } from './ssh-kex-warning.js';
import { sshKexWeak } from './ssh-kex-weak.js';
import { sshKeyboardInteractive } from './ssh-keyboard-interactive.js';
import { sshMacWarning } from './ssh-mac-warning.js';
import { sshMacWeak } from './ssh-mac-weak.js';
import { sshOpensshVulnerable } from './ssh-openssh-vulnerable.js';
import { sshPasswordAuth } from './ssh-password-auth.js';
import { sshProtocol1 } from './ssh-protocol-1.js';
import { sshTerrapin } from './ssh-terrapin.js';
import type { SshCheck } from './support.js';

export type { SshCheck } from './support.js';

export const SSH_CHECKS: readonly SshCheck[] = [
  sshAuthNone,
  sshOpensshVulnerable,
  sshProtocol1,
  sshPasswordAuth,
  sshTerrapin,
  sshKexWeak,
  sshHostKeyWeak,
  sshCipherWeak,
  sshMacWeak,
  sshKexWarning,
  sshHostKeyWarning,
  sshCipherWarning,
  sshMacWarning,
  sshKexNotPostQuantum,
  sshCompressionBeforeAuth,
  sshKeyboardInteractive,
];
