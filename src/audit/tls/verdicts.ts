/**
 * Verdicts of a TLS observation against Mozilla's server-side TLS profiles (modern, intermediate,
 * old; guidelines 5.7) and the ANSSI TLS recommendations, each deviation named in French and
 * English. Pure: certificate validity and trust stay with the checks (they need a date and anchors).
 */
import type { TlsObservation } from './observation.js';
import { anssiVerdict } from './profiles/anssi.js';
import { MOZILLA_PROFILES, mozillaVerdict, type ProfileVerdict } from './profiles/mozilla.js';

export type { ProfileVerdict } from './profiles/mozilla.js';
export { MOZILLA_GUIDELINES_VERSION, MOZILLA_PROFILES } from './profiles/mozilla.js';

export interface TlsVerdicts {
  /** Modern, intermediate, old — in that order. */
  readonly mozilla: readonly ProfileVerdict[];
  /** The strictest Mozilla profile met, or null. */
  readonly mozillaProfile: string | null;
  readonly anssi: ProfileVerdict;
}

export function tlsVerdicts(observation: TlsObservation): TlsVerdicts {
  const mozilla = MOZILLA_PROFILES.map((profile) => mozillaVerdict(observation, profile));
  return {
    mozilla,
    mozillaProfile: mozilla.find((v) => v.compliant)?.profile ?? null,
    anssi: anssiVerdict(observation),
  };
}
