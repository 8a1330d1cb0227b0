import type { Rule } from '../rule.js';
import { cleartextProtocol } from './cleartext-protocol.js';
import { dataTierReachableFromUsers } from './data-tier-reachable-from-users.js';
import { directorySigningNotRequired } from './directory-signing-not-required.js';
import { dmzInitiatesInternalFlow } from './dmz-initiates-internal-flow.js';
import { embeddedDeviceOutsideDeviceZone } from './embedded-device-outside-device-zone.js';
import { guestWifiNotIsolated } from './guest-wifi-not-isolated.js';
import { internetExposedAdminService } from './internet-exposed-admin-service.js';
import { internetExposedInternalService } from './internet-exposed-internal-service.js';
import { internetExposedOutsideDmz } from './internet-exposed-outside-dmz.js';
import { internetExposedVulnerableService } from './internet-exposed-vulnerable-service.js';
import { internetExposedWithoutWaf } from './internet-exposed-without-waf.js';
import { internetFlowWithoutFiltering } from './internet-flow-without-filtering.js';
import { itToOtFlow } from './it-to-ot-flow.js';
import { mailDmarcNotEnforced } from './mail-dmarc-not-enforced.js';
import { mailSpfDkimMissing } from './mail-spf-dkim-missing.js';
import { obsoleteTls } from './obsolete-tls.js';
import { otEngineeringSoftwareOnItWorkstation } from './ot-engineering-software-on-it-workstation.js';
import { otInternetConnection } from './ot-internet-connection.js';
import { outboundInternetWithoutProxy } from './outbound-internet-without-proxy.js';
import { serversInUserZone } from './servers-in-user-zone.js';
import { unencryptedSensitiveFlow } from './unencrypted-sensitive-flow.js';
import { unfilteredZoneCrossing } from './unfiltered-zone-crossing.js';
import { untrustedNetworkNotIsolated } from './untrusted-network-not-isolated.js';
import { weakWifiSecurity } from './weak-wifi-security.js';

/** Built-in rules of this group, in id order. */
export const RULES_EXPOSURE: readonly Rule[] = [
  cleartextProtocol,
  dataTierReachableFromUsers,
  directorySigningNotRequired,
  dmzInitiatesInternalFlow,
  embeddedDeviceOutsideDeviceZone,
  guestWifiNotIsolated,
  internetExposedAdminService,
  internetExposedInternalService,
  internetExposedOutsideDmz,
  internetExposedVulnerableService,
  internetExposedWithoutWaf,
  internetFlowWithoutFiltering,
  itToOtFlow,
  mailDmarcNotEnforced,
  mailSpfDkimMissing,
  obsoleteTls,
  otEngineeringSoftwareOnItWorkstation,
  otInternetConnection,
  outboundInternetWithoutProxy,
  serversInUserZone,
  unencryptedSensitiveFlow,
  unfilteredZoneCrossing,
  untrustedNetworkNotIsolated,
  weakWifiSecurity,
];
