import type { Rule } from '../rule.js';
import { acceptedRiskWithoutReviewDate } from './accepted-risk-without-review-date.js';
import { adminInterfaceFromUserZone } from './admin-interface-from-user-zone.js';
import { adminLoginFromUserZone } from './admin-login-from-user-zone.js';
import { adminRightsWithoutPrivilegedFlag } from './admin-rights-without-privileged-flag.js';
import { adminWithoutMfa } from './admin-without-mfa.js';
import { adminWorkstationInternetAccess } from './admin-workstation-internet-access.js';
import { cleartextAdminProtocol } from './cleartext-admin-protocol.js';
import { leaverStillActive } from './leaver-still-active.js';
import { loginFromInternetWithoutVpn } from './login-from-internet-without-vpn.js';
import { noAdminZone } from './no-admin-zone.js';
import { remoteAccessBypassingPerimeter } from './remote-access-bypassing-perimeter.js';
import { riskDecisionReviewOverdue } from './risk-decision-review-overdue.js';
import { riskDecisionWithoutOwner } from './risk-decision-without-owner.js';
import { serviceAccountPrivileged } from './service-account-privileged.js';
import { sharedAccount } from './shared-account.js';
import { thirdPartyAccessWithoutMfa } from './third-party-access-without-mfa.js';
import { thirdPartyPermanentAccess } from './third-party-permanent-access.js';
import { vendorRemoteSupportUncontrolled } from './vendor-remote-support-uncontrolled.js';

/** Built-in rules of this group, in id order. */
export const RULES_ACCESS: readonly Rule[] = [
  acceptedRiskWithoutReviewDate,
  adminInterfaceFromUserZone,
  adminLoginFromUserZone,
  adminRightsWithoutPrivilegedFlag,
  adminWithoutMfa,
  adminWorkstationInternetAccess,
  cleartextAdminProtocol,
  leaverStillActive,
  loginFromInternetWithoutVpn,
  noAdminZone,
  remoteAccessBypassingPerimeter,
  riskDecisionReviewOverdue,
  riskDecisionWithoutOwner,
  serviceAccountPrivileged,
  sharedAccount,
  thirdPartyAccessWithoutMfa,
  thirdPartyPermanentAccess,
  vendorRemoteSupportUncontrolled,
];
