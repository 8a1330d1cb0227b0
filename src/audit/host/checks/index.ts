/** The host audit's checks, in the order reports list them (an explicit registry). */
import { indexUnique } from '../../../domain/registry.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { hostAccountLockout } from './host-account-lockout.js';
import { hostAuditdMissing } from './host-auditd-missing.js';
import { hostEmptyPasswords } from './host-empty-passwords.js';
import { hostFirewallMissing } from './host-firewall-missing.js';
import { hostLogForwardingMissing } from './host-log-forwarding-missing.js';
import { hostMountOptions } from './host-mount-options.js';
import { hostPasswordHashing } from './host-password-hashing.js';
import { hostPasswordQuality } from './host-password-quality.js';
import { hostSensitiveFilePermissions } from './host-sensitive-file-permissions.js';
import { hostServicesAllInterfaces } from './host-services-all-interfaces.js';
import { hostSshEmptyPasswords } from './host-ssh-empty-passwords.js';
import { hostSshMaxAuthTries } from './host-ssh-max-auth-tries.js';
import { hostSshPasswordAuth } from './host-ssh-password-auth.js';
import { hostSshRootLogin } from './host-ssh-root-login.js';
import { hostSshX11Forwarding } from './host-ssh-x11-forwarding.js';
import { hostSudoNoAuthenticate } from './host-sudo-no-authenticate.js';
import { hostSudoNopasswd } from './host-sudo-nopasswd.js';
import { hostSysctlHardening } from './host-sysctl-hardening.js';
import { hostTimeSyncMissing } from './host-time-sync-missing.js';
import { hostUid0Accounts } from './host-uid0-accounts.js';
import { hostUmask } from './host-umask.js';
import { hostUnexpectedSuid } from './host-unexpected-suid.js';
import { hostUpdatesNotAutomatic } from './host-updates-not-automatic.js';
import { hostUpdatesPending } from './host-updates-pending.js';
import { hostWorldWritableFiles } from './host-world-writable-files.js';

export type HostCheck = Check<HostObservation>;

export const HOST_CHECKS: readonly HostCheck[] = [
  hostSshRootLogin,
  hostSshPasswordAuth,
  hostSshEmptyPasswords,
  hostSshMaxAuthTries,
  hostSshX11Forwarding,
  hostPasswordHashing,
  hostPasswordQuality,
  hostAccountLockout,
  hostEmptyPasswords,
  hostUid0Accounts,
  hostUmask,
  hostSudoNopasswd,
  hostSudoNoAuthenticate,
  hostSensitiveFilePermissions,
  hostWorldWritableFiles,
  hostUnexpectedSuid,
  hostMountOptions,
  hostServicesAllInterfaces,
  hostFirewallMissing,
  hostUpdatesPending,
  hostUpdatesNotAutomatic,
  hostTimeSyncMissing,
  hostAuditdMissing,
  hostLogForwardingMissing,
  hostSysctlHardening,
];

/** Fails at start-up on a duplicate id. */
export const HOST_CHECKS_BY_ID = indexUnique(HOST_CHECKS, (check) => check.id, 'host check');
