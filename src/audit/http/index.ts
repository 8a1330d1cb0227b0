/**
 * The HTTP audit: `probeHttp` observes one web endpoint through the audit network,
 * `HTTP_CHECKS` judge the observation (`runChecks(HTTP_CHECKS, observation, undefined)`).
 */
export { probeHttp, subjectOf, type HttpProbeOptions, type HttpTarget } from './probe.js';
export { HTTP_CHECKS, type HttpCheck } from './checks/index.js';
export type {
  HstsPolicy,
  HttpExchange,
  HttpObservation,
  HttpsRedirect,
  PathFinding,
  PathKind,
  SetCookie,
} from './observation.js';
