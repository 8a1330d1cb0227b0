/** The leaf certificate's time-independent facts (key, signature) for the profile verdicts. */
import { analyzeCertificate, type LeafFacts } from '../certificate.js';
import type { TlsObservation } from '../observation.js';

export function leafFacts(observation: TlsObservation): LeafFacts | null {
  if (observation.certificate === null) return null;
  // Validity, trust and host are the checks' business (they need today and anchors).
  return (
    analyzeCertificate(observation.certificate, { today: '1970-01-01', host: null, anchors: [] })
      ?.leaf ?? null
  );
}
