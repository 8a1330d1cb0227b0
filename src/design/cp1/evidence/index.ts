import {
  adminInternet,
  adminNetwork,
  leaversStillActive,
  outsourcingAccess,
  privilegedWithoutMfa,
  remoteWorking,
  securityReferent,
  sharedAccounts,
} from './access.js';
import {
  cleartextProtocols,
  exposedOutsideDmz,
  internetGateway,
  mailDomains,
  officeToOtBypass,
  partnerInterconnections,
  serversInUserZone,
  userZoneWithoutSegments,
  wifiSecurity,
  zonesDeclared,
} from './network.js';
import {
  backupPolicy,
  portableEncryption,
  sensitiveInventory,
  sensitiveOverInternet,
  unloggedComponents,
  unprotectedHosts,
  unsupportedSystems,
} from './operations.js';
import { findingChecks } from './findings.js';
import type { EvidenceCheck } from './types.js';

export type { Evidence, EvidenceCheck, EvidenceContext } from './types.js';

const DEDICATED_CHECKS: readonly EvidenceCheck[] = [
  outsourcingAccess,
  sensitiveInventory,
  leaversStillActive,
  sharedAccounts,
  privilegedWithoutMfa,
  unprotectedHosts,
  sensitiveOverInternet,
  officeToOtBypass,
  serversInUserZone,
  userZoneWithoutSegments,
  zonesDeclared,
  wifiSecurity,
  cleartextProtocols,
  internetGateway,
  exposedOutsideDmz,
  mailDomains,
  partnerInterconnections,
  adminInternet,
  adminNetwork,
  portableEncryption,
  remoteWorking,
  unsupportedSystems,
  unloggedComponents,
  backupPolicy,
  securityReferent,
];

/**
 * Every "model evidence" check, by hygiene measure number: the dedicated ones, then one per
 * other measure the rules cite ({@link findingChecks}).
 */
export const EVIDENCE_CHECKS: readonly EvidenceCheck[] = [
  ...DEDICATED_CHECKS,
  ...findingChecks(DEDICATED_CHECKS),
].sort((a, b) => a.measure - b.measure);
