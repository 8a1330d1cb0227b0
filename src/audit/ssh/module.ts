/**
 * The SSH entry of a campaign's probe table (campaign/modules.ts `EndpointModule`): applies to
 * ports identified as SSH (or port 22 when identification said nothing), probes with
 * `probeSsh`, judges with `SSH_CHECKS`.
 */
import type { EndpointModule } from '../campaign/modules.js';
import { runChecks } from '../findings.js';
import { SSH_CHECKS } from './checks/index.js';
import type { SshObservation } from './observation.js';
import { probeSsh } from './probe.js';

export const SSH_MODULE: EndpointModule = {
  domain: 'ssh',
  applies: (port) =>
    port.service === undefined ? port.declared === 22 : port.service.protocol === 'ssh',
  probe: (net, port, limits, signal) =>
    probeSsh(
      net,
      { address: port.address, port: port.port },
      {
        timeoutMs: limits.timeoutMs,
        maxBytes: limits.maxBytes,
        ...(signal === undefined ? {} : { signal }),
      },
    ),
  judge: (observation) => runChecks(SSH_CHECKS, observation as SshObservation, undefined),
};
