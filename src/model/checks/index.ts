import { indexById } from '../../domain/registry.js';
import { addressOutsideZone } from './address-outside-zone.js';
import { assetSiteMismatch } from './asset-site-mismatch.js';
import { assetWithoutZone } from './asset-without-zone.js';
import { backupFrequencyImplausible } from './backup-frequency-implausible.js';
import { backupOnProtectedAsset } from './backup-on-protected-asset.js';
import type { ModelCheck } from './check.js';
import { dataNotStored } from './data-not-stored.js';
import { decisionDuplicateFinding } from './decision-duplicate-finding.js';
import { decisionUnknownSubject } from './decision-unknown-subject.js';
import { duplicateAddress } from './duplicate-address.js';
import { flowSelfLoop } from './flow-self-loop.js';
import { hostingCycle } from './hosting-cycle.js';
import { leftBeforeJoined } from './left-before-joined.js';
import { memberOfNonGroup } from './member-of-non-group.js';
import { needsMissing } from './needs-missing.js';
import { processDependencyCycle } from './process-dependency-cycle.js';
import { processWithoutAssets } from './process-without-assets.js';
import { recoveryObjectivesMissing } from './recovery-objectives-missing.js';
import { recoveryDurationImplausible } from './recovery-duration-implausible.js';
import { recoveryTeamUnknown } from './recovery-team-unknown.js';
import { redundantWithItself } from './redundant-with-itself.js';
import { remoteSupportBrokerIsSelf } from './remote-support-broker-is-self.js';
import { remoteSupportByNotPerson } from './remote-support-by-not-person.js';
import { retentionBelowFrequency } from './retention-below-frequency.js';
import { reviewBeforeDecision } from './review-before-decision.js';
import { rtoExceedsMtpd } from './rto-exceeds-mtpd.js';
import { scenarioTargetUnknown } from './scenario-target-unknown.js';
import { subnetOutsideParent } from './subnet-outside-parent.js';
import { viaNotFiltering } from './via-not-filtering.js';
import { zoneParentCycle } from './zone-parent-cycle.js';
import { zoneSiteMismatch } from './zone-site-mismatch.js';

export type { CheckHit, ModelCheck } from './check.js';

/** Every semantic check, in the order they run. Add a check here and in the catalogues. */
export const MODEL_CHECKS: readonly ModelCheck[] = [
  addressOutsideZone,
  assetSiteMismatch,
  assetWithoutZone,
  backupFrequencyImplausible,
  backupOnProtectedAsset,
  dataNotStored,
  decisionDuplicateFinding,
  decisionUnknownSubject,
  duplicateAddress,
  flowSelfLoop,
  hostingCycle,
  leftBeforeJoined,
  memberOfNonGroup,
  needsMissing,
  processDependencyCycle,
  processWithoutAssets,
  recoveryObjectivesMissing,
  recoveryDurationImplausible,
  recoveryTeamUnknown,
  redundantWithItself,
  remoteSupportBrokerIsSelf,
  remoteSupportByNotPerson,
  retentionBelowFrequency,
  reviewBeforeDecision,
  rtoExceedsMtpd,
  scenarioTargetUnknown,
  subnetOutsideParent,
  viaNotFiltering,
  zoneParentCycle,
  zoneSiteMismatch,
];

indexById(MODEL_CHECKS, 'model check');
