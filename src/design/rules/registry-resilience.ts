import type { Rule } from '../rule.js';
import { assetWithoutLogs } from './asset-without-logs.js';
import { backupNoOfflineCopy } from './backup-no-offline-copy.js';
import { backupNotRestoreTested } from './backup-not-restore-tested.js';
import { backupReplicationOnly } from './backup-replication-only.js';
import { backupRpoNotMet } from './backup-rpo-not-met.js';
import { backupSameSite } from './backup-same-site.js';
import { backupUnencrypted } from './backup-unencrypted.js';
import { cloudDataLocationUnknown } from './cloud-data-location-unknown.js';
import { knownVulnerableService } from './known-vulnerable-service.js';
import { logRetentionTooShort } from './log-retention-too-short.js';
import { logsNotCentralised } from './logs-not-centralised.js';
import { noEdr } from './no-edr.js';
import { providerAttestationExpired } from './provider-attestation-expired.js';
import { providerHdsMissing } from './provider-hds-missing.js';
import { providerPciDssMissing } from './provider-pci-dss-missing.js';
import { saasDataOutsideEu } from './saas-data-outside-eu.js';
import { saasWithoutMfa } from './saas-without-mfa.js';
import { singlePointOfFailure } from './single-point-of-failure.js';
import { siteNetworkNotRedundant } from './site-network-not-redundant.js';
import { sitePowerNotRedundant } from './site-power-not-redundant.js';
import { supportEndingSoon } from './support-ending-soon.js';
import { unprotectedCriticalAsset } from './unprotected-critical-asset.js';
import { unsupportedOs } from './unsupported-os.js';
import { unsupportedSoftware } from './unsupported-software.js';

/** Built-in rules of this group, in id order. */
export const RULES_RESILIENCE: readonly Rule[] = [
  assetWithoutLogs,
  backupNoOfflineCopy,
  backupNotRestoreTested,
  backupReplicationOnly,
  backupRpoNotMet,
  backupSameSite,
  backupUnencrypted,
  cloudDataLocationUnknown,
  knownVulnerableService,
  logRetentionTooShort,
  logsNotCentralised,
  noEdr,
  providerAttestationExpired,
  providerHdsMissing,
  providerPciDssMissing,
  saasDataOutsideEu,
  saasWithoutMfa,
  singlePointOfFailure,
  siteNetworkNotRedundant,
  sitePowerNotRedundant,
  supportEndingSoon,
  unprotectedCriticalAsset,
  unsupportedOs,
  unsupportedSoftware,
];
