/**
 * Drift: what the audit observed against what the model declares. One file per check; this
 * registry lists them in the order reports show them. `computeDrift` indexes the observations
 * once (view.ts) and runs every check.
 */
import { runChecks } from '../findings.js';
import type { AuditFinding, Check } from '../types.js';
import { driftAdminInterfaceExposed } from './admin-interface-exposed.js';
import { driftCleartextOnEncrypted } from './cleartext-on-encrypted.js';
import { driftServiceNotAnswering } from './service-not-answering.js';
import { driftSupportEnded } from './support-ended.js';
import { driftTlsBelowDeclared } from './tls-below-declared.js';
import { driftUndeclaredHost } from './undeclared-host.js';
import { driftUndeclaredPort } from './undeclared-port.js';
import { driftVersionDiffers } from './version-differs.js';
import { driftVersionOlder } from './version-older.js';
import { buildDriftView, type DriftInput, type DriftView } from './view.js';

export type { DriftHost, DriftInput, DriftTlsView, DriftView } from './view.js';
export { buildDriftView } from './view.js';

export const DRIFT_CHECKS: readonly Check<DriftView>[] = [
  driftUndeclaredHost,
  driftUndeclaredPort,
  driftServiceNotAnswering,
  driftCleartextOnEncrypted,
  driftTlsBelowDeclared,
  driftVersionOlder,
  driftVersionDiffers,
  driftSupportEnded,
  driftAdminInterfaceExposed,
];

/** Every drift finding of a campaign's observations against the model (none without a model). */
export function computeDrift(input: DriftInput): AuditFinding[] {
  if (input.graph === null) return [];
  return runChecks(DRIFT_CHECKS, buildDriftView(input), undefined);
}
