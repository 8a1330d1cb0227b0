/**
 * A campaign: every probe of the audit tied together over one scope.
 *
 *   scan (open ports) → identify (what each port speaks) → probe (TLS, SSH, HTTP per endpoint;
 *   DNS/mail per domain) → judge (each domain's checks, then drift against the model)
 *
 * The network is wrapped by the scope guard first (anything out of scope is refused before a
 * packet leaves, and listed in `refused`). Probes run with bounded concurrency; an error of one
 * probe is recorded in `errors` and never stops the campaign. The signal stops it between
 * steps (what was done is returned). Findings name the model entities the scope maps each
 * address to.
 */
import { randomUUID } from 'node:crypto';
import { protocolOfPort } from '../../domain/model/index.js';
import { text, type LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { computeDrift } from '../drift/index.js';
import type { DriftHost, DriftTlsView } from '../drift/index.js';
import { compareFindings } from '../findings.js';
import { scopedNet, type RefusalLog } from '../net/scoped.js';
import type { AuditNet, Endpoint, ScopeGuard } from '../net/types.js';
import type { AuditFinding, AuditResults, HostResult } from '../types.js';
import {
  DEFAULT_MODULES,
  type CampaignModules,
  type PortContext,
  type ProbeLimits,
} from './modules.js';
import { enrichHosts } from './enrich.js';
import { mapBounded } from './pool.js';

/** The resolved scope a campaign runs over (scope/resolve.ts gives it). */
export interface CampaignScope {
  readonly targets: readonly {
    readonly address: string;
    readonly hostnames: readonly string[];
    readonly entities: readonly string[];
    readonly ports: readonly number[];
    readonly portMap: Readonly<Record<number, number>>;
  }[];
  readonly guard: ScopeGuard;
  readonly limits: ProbeLimits;
  readonly vantage: string | null;
  readonly dns: {
    readonly resolver: Endpoint | null;
    readonly domains: readonly string[];
    readonly dkimSelectors: readonly string[];
  };
}

export type CampaignPhase = 'scan' | 'identify' | 'probe' | 'judge' | 'done';

export interface CampaignProgress {
  readonly phase: CampaignPhase;
  readonly done: number;
  readonly total: number;
  readonly message: LocalizedText;
}

export interface CampaignInput {
  readonly scope: CampaignScope;
  readonly graph?: ModelGraph;
  readonly model?: { readonly name: string; readonly digest: string };
  readonly name?: string;
  /** ISO date the checks judge against (certificate expiry, support end). */
  readonly today: string;
  /** The raw network: the campaign wraps it with the scope guard. */
  readonly net: AuditNet;
  readonly onProgress?: (progress: CampaignProgress) => void;
  readonly signal?: AbortSignal;
  /** Scope file name and ports label, for the results' record. */
  readonly scopeFile?: string;
  readonly portsLabel?: string;
  /** Probes to run; the engine's own by default. */
  readonly modules?: CampaignModules;
  readonly clock?: () => Date;
  readonly toolVersion?: string;
}

/** Heavy probes (TLS, HTTP, SSH) at once, whatever the scope's connect concurrency. */
const MAX_PROBE_CONCURRENCY = 16;

interface Run {
  readonly input: CampaignInput;
  readonly net: AuditNet;
  readonly modules: CampaignModules;
  readonly errors: { target: string; probe: string; message: string }[];
  readonly probeLimits: ProbeLimits;
  progress(phase: CampaignPhase, done: number, total: number, message: LocalizedText): void;
  isAborted(): boolean;
}

const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Counts connection attempts that passed the guard (the results' `stats.connections`). */
function countingNet(net: AuditNet, counter: { connections: number }): AuditNet {
  return {
    now: () => net.now(),
    connect: (endpoint, options) => {
      counter.connections += 1;
      return net.connect(endpoint, options);
    },
    connectTls: (endpoint, options) => {
      counter.connections += 1;
      return net.connectTls(endpoint, options);
    },
    exchangeUdp: (endpoint, payload, options) => {
      counter.connections += 1;
      return net.exchangeUdp(endpoint, payload, options);
    },
  };
}

async function scan(run: Run): Promise<HostResult[]> {
  const { scope } = run.input;
  const targets = scope.targets;
  const scanFn = run.modules.scan;
  if (scanFn === undefined) {
    run.errors.push({ target: '*', probe: 'ports', message: 'port scan not available' });
    return targets.map((t) => ({
      address: t.address,
      hostnames: t.hostnames,
      entities: t.entities,
      reachable: false,
      open: [],
      tried: 0,
    }));
  }
  const total = targets.reduce((sum, t) => sum + t.ports.length, 0);
  run.progress('scan', 0, total, text(`Scanning ${total} ports`, `Balayage de ${total} ports`));
  const scanned = await scanFn(
    run.net,
    targets.map((t) => ({ address: t.address, ports: t.ports })),
    {
      concurrency: scope.limits.concurrency,
      timeoutMs: scope.limits.timeoutMs,
      ratePerSecond: scope.limits.ratePerSecond,
      onProgress: (done, all) => {
        run.progress(
          'scan',
          done,
          all,
          text(`Scanning ports: ${done}/${all}`, `Balayage des ports : ${done}/${all}`),
        );
      },
      ...(run.input.signal === undefined ? {} : { signal: run.input.signal }),
    },
  );
  const byAddress = new Map(scanned.map((s) => [s.address, s]));
  return targets.map((t) => {
    const s = byAddress.get(t.address);
    return {
      address: t.address,
      hostnames: t.hostnames,
      entities: t.entities,
      reachable: s?.reachable ?? false,
      open: [...(s?.open ?? [])]
        .sort((a, b) => a - b)
        .map((port) => ({ port, transport: 'tcp' as const })),
      tried: s?.tried ?? 0,
    };
  });
}

/** The declared port for a reached one (the scope map undone). */
function declaredOf(portMap: Readonly<Record<number, number>>, reached: number): number {
  for (const [declared, port] of Object.entries(portMap))
    if (port === reached) return Number(declared);
  return reached;
}

async function identify(run: Run, hosts: HostResult[]): Promise<HostResult[]> {
  const identifyFn = run.modules.identify;
  if (identifyFn === undefined) return hosts;
  const maps = new Map(run.input.scope.targets.map((t) => [t.address, t.portMap]));
  const jobs = hosts.flatMap((h) => h.open.map((o) => ({ host: h, port: o.port })));
  let done = 0;
  run.progress(
    'identify',
    0,
    jobs.length,
    text(`Identifying ${jobs.length} services`, `Identification de ${jobs.length} services`),
  );
  const identities = await mapBounded(
    jobs,
    run.probeLimits.concurrency,
    () => run.isAborted(),
    async (job) => {
      try {
        const hint = protocolOfPort(declaredOf(maps.get(job.host.address) ?? {}, job.port), 'tcp');
        return await identifyFn(
          run.net,
          { address: job.host.address, port: job.port },
          {
            timeoutMs: run.input.scope.limits.timeoutMs,
            maxBytes: run.input.scope.limits.maxBytes,
            ...(hint === undefined ? {} : { hint }),
          },
        );
      } catch (error) {
        run.errors.push({
          target: `${job.host.address}:${job.port}`,
          probe: 'identify',
          message: errorMessage(error),
        });
        return undefined;
      } finally {
        done += 1;
        run.progress(
          'identify',
          done,
          jobs.length,
          text(`Identified ${done}/${jobs.length}`, `Identifiés : ${done}/${jobs.length}`),
        );
      }
    },
  );
  const byKey = new Map(jobs.map((job, i) => [`${job.host.address}|${job.port}`, identities[i]]));
  return hosts.map((h) => ({
    ...h,
    open: h.open.map((o) => {
      const service = byKey.get(`${h.address}|${o.port}`);
      return service === undefined ? o : { ...o, service };
    }),
  }));
}

interface Observed {
  readonly tls: unknown[];
  readonly ssh: unknown[];
  readonly http: unknown[];
  readonly dns: unknown[];
  readonly findings: AuditFinding[];
}

/** The protocol the model declares on a port of the host's assets (first found). */
function declaredProtocol(
  graph: ModelGraph | undefined,
  entities: readonly string[],
  port: number,
): string | undefined {
  for (const id of entities) {
    const service = graph
      ?.asset(id)
      ?.services?.find((s) => s.port === port && (s.transport ?? 'tcp') === 'tcp');
    if (service?.protocol !== undefined) return service.protocol;
  }
  return undefined;
}

function portContexts(run: Run, hosts: readonly HostResult[]): PortContext[] {
  const maps = new Map(run.input.scope.targets.map((t) => [t.address, t.portMap]));
  return hosts.flatMap((h) => {
    const portMap = maps.get(h.address) ?? {};
    const openPorts = h.open.map((o) => o.port);
    return h.open.map((o) => ({
      address: h.address,
      port: o.port,
      declared: declaredOf(portMap, o.port),
      hostnames: h.hostnames,
      service: o.service,
      openPorts,
      reachedOf: (declared: number) => portMap[declared] ?? declared,
      declaredProtocol: declaredProtocol(run.input.graph, h.entities, declaredOf(portMap, o.port)),
    }));
  });
}

/** Endpoint probes (TLS, SSH, HTTP) on every open port they apply to, then their checks. */
async function probeEndpoints(
  run: Run,
  hosts: readonly HostResult[],
  observed: Observed,
): Promise<void> {
  const jobs = portContexts(run, hosts).flatMap((port) =>
    run.modules.endpoints.filter((m) => m.applies(port)).map((module) => ({ module, port })),
  );
  const dns = run.modules.dns;
  const resolver = run.input.scope.dns.resolver;
  const domains = dns !== undefined && resolver !== null ? run.input.scope.dns.domains : [];
  const total = jobs.length + domains.length;
  let done = 0;
  const step = (label: string): void => {
    done += 1;
    run.progress(
      'probe',
      done,
      total,
      text(`Probed ${label} (${done}/${total})`, `Sondé ${label} (${done}/${total})`),
    );
  };
  run.progress(
    'probe',
    0,
    total,
    text(`Probing ${total} endpoints`, `Sondage de ${total} points d’accès`),
  );
  await mapBounded(
    jobs,
    Math.min(run.probeLimits.concurrency, MAX_PROBE_CONCURRENCY),
    () => run.isAborted(),
    async ({ module, port }) => {
      const target = `${port.address}:${port.port}`;
      try {
        const observation = await module.probe(run.net, port, run.probeLimits, run.input.signal);
        observed[module.domain].push(observation);
        observed.findings.push(...module.judge(observation, { today: run.input.today, port }));
      } catch (error) {
        run.errors.push({ target, probe: module.domain, message: errorMessage(error) });
      } finally {
        step(`${module.domain} ${target}`);
      }
    },
  );
  if (dns === undefined || resolver === null) return;
  for (const domain of domains) {
    if (run.isAborted()) break;
    try {
      const observation = await dns.probe(
        run.net,
        { domain, resolver, dkimSelectors: run.input.scope.dns.dkimSelectors },
        run.probeLimits,
      );
      observed.dns.push(observation);
      observed.findings.push(...dns.judge(observation, { today: run.input.today }));
    } catch (error) {
      run.errors.push({ target: domain, probe: 'dns', message: errorMessage(error) });
    } finally {
      step(`dns ${domain}`);
    }
  }
}

/** The address of a subject `127.0.0.1:443` / `[::1]:443`, or undefined (a domain, a name). */
function addressOfSubject(subject: string): string | undefined {
  const v6 = /^\[([^\]]+)\]:\d+$/.exec(subject);
  if (v6 !== null) return v6[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(subject);
  return v4?.[1];
}

/** Adds the model entities the scope maps each finding's address to. */
function withEntities(
  findings: readonly AuditFinding[],
  hosts: readonly HostResult[],
): AuditFinding[] {
  const entities = new Map(hosts.map((h) => [h.address, h.entities]));
  const byId = new Map<string, AuditFinding>();
  for (const finding of findings) {
    const address = addressOfSubject(finding.subject);
    const mapped = address === undefined ? [] : (entities.get(address) ?? []);
    const merged =
      mapped.length === 0
        ? finding
        : { ...finding, entities: [...new Set([...finding.entities, ...mapped])].sort() };
    if (!byId.has(merged.id)) byId.set(merged.id, merged);
  }
  return [...byId.values()].sort(compareFindings);
}

function driftHosts(run: Run, hosts: readonly HostResult[]): DriftHost[] {
  const targets = new Map(run.input.scope.targets.map((t) => [t.address, t]));
  return hosts.map((h) => {
    const target = targets.get(h.address);
    return target === undefined ? h : { ...h, portMap: target.portMap, scanned: target.ports };
  });
}

function isDriftTlsView(value: unknown): value is DriftTlsView {
  const v = value as Partial<DriftTlsView> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.target === 'object' &&
    typeof v.protocols === 'object'
  );
}

/** Runs a campaign over a resolved scope; never throws for what targets do. */
export async function runCampaign(input: CampaignInput): Promise<AuditResults> {
  const clock = input.clock ?? (() => new Date());
  const startedAt = clock();
  const started = input.net.now();
  const refusals: RefusalLog = { refused: [] };
  const counter = { connections: 0 };
  const limits = input.scope.limits;
  const run: Run = {
    input,
    net: scopedNet(countingNet(input.net, counter), input.scope.guard, refusals),
    modules: input.modules ?? DEFAULT_MODULES,
    errors: [],
    probeLimits: limits,
    progress: (phase, done, total, message) => input.onProgress?.({ phase, done, total, message }),
    isAborted: () => input.signal?.aborted === true,
  };
  const observed: Observed = { tls: [], ssh: [], http: [], dns: [], findings: [] };
  let hosts = await scan(run);
  if (!run.isAborted()) hosts = await identify(run, hosts);
  if (!run.isAborted()) await probeEndpoints(run, hosts, observed);
  hosts = enrichHosts(hosts, observed.http, observed.ssh);
  run.progress('judge', 0, 1, text('Comparing with the model', 'Comparaison avec le modèle'));
  const drift = computeDrift({
    graph: input.graph ?? null,
    hosts: driftHosts(run, hosts),
    tls: observed.tls.filter(isDriftTlsView),
    vantage: input.scope.vantage,
    today: input.today,
  });
  const findings = withEntities([...observed.findings, ...drift], hosts);
  if (run.isAborted())
    run.errors.push({ target: '*', probe: 'campaign', message: 'stopped before the end' });
  run.progress('done', 1, 1, text(`${findings.length} findings`, `${findings.length} constats`));
  const ports = input.scope.targets.reduce((sum, t) => sum + t.ports.length, 0);
  return {
    format: 'vigie-audit-results',
    version: 1,
    campaign: {
      id: randomUUID(),
      name: input.name ?? 'audit',
      startedAt: startedAt.toISOString(),
      finishedAt: clock().toISOString(),
      vantage: input.scope.vantage,
      model: input.model ?? null,
      scope: {
        file: input.scopeFile ?? null,
        targets: input.scope.targets.length,
        ports: input.portsLabel ?? `${ports} ports`,
      },
      tool: { name: 'vigie', version: input.toolVersion ?? '0.0.0' },
    },
    hosts,
    observations: {
      tls: observed.tls,
      ssh: observed.ssh,
      http: observed.http,
      dns: observed.dns,
      host: null,
    },
    findings,
    refused: refusals.refused,
    errors: run.errors,
    stats: {
      durationMs: Math.max(0, Math.round(input.net.now() - started)),
      connections: counter.connections,
    },
  };
}
