/**
 * What a campaign needs before it runs, shared by the request (validated synchronously: a scope
 * with errors is refused with located diagnostics) and by the job (resolved again when it runs):
 *
 *   the version's model → the scope file parsed and resolved against it → the request's vantage
 *   and limits applied → the operator's allowlist (`VIGIE_AUDIT_NETWORKS`) intersected
 *
 * Targets outside the allowlist are dropped with the reason (they appear in the results'
 * `refused`), and the guard refuses any other endpoint outside it before a packet leaves.
 */
import { createHash } from 'node:crypto';
import type { CampaignScope } from '../../audit/campaign/run.js';
import { parseScope, resolveScope, LIMIT_BOUNDS } from '../../audit/scope/index.js';
import type { ScopeGuard } from '../../audit/net/types.js';
import type { Diagnostic } from '../../domain/diagnostic.js';
import { networkContains, parseNetwork, type Network } from '../../domain/net.js';
import { err, ok, type Result } from '../../domain/result.js';
import { createTranslator } from '../../i18n/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { loadModel } from '../../model/load.js';
import type { CampaignLimitsOverride } from '../store/audits.js';

/** The name scope diagnostics carry as their file. */
export const SCOPE_FILE_NAME = 'scope.yaml';

export interface LoadedModel {
  readonly graph: ModelGraph;
  readonly name: string;
  readonly digest: string;
}

/** The model of a version's files (the graph even when the model has errors). */
export function loadVersionModel(
  files: Readonly<Record<string, string>>,
  locale: 'fr' | 'en',
  fallbackName: string,
): LoadedModel {
  const sources = Object.keys(files)
    .sort()
    .map((file) => ({ file, text: files[file] ?? '' }));
  const loaded = loadModel(sources, { t: createTranslator(locale) });
  const digest = createHash('sha256').update(JSON.stringify(loaded.model)).digest('hex');
  return {
    graph: loaded.graph,
    name: loaded.model.organisation?.name ?? fallbackName,
    digest,
  };
}

export interface Refusal {
  readonly address: string;
  readonly port: number;
  readonly reason: string;
}

export interface PreparedCampaign {
  readonly scope: CampaignScope;
  /** Targets the allowlist kept out (port 0: every port of the address). */
  readonly refused: readonly Refusal[];
  readonly portsLabel: string;
  /** The scope's `name:`, if any. */
  readonly name: string | null;
  /** Warnings of the scope file (errors refuse the campaign). */
  readonly warnings: readonly Diagnostic[];
}

export interface PrepareInput {
  readonly scopeText: string;
  readonly graph: ModelGraph | undefined;
  /** The request's vantage zone (overrides the scope file's `vantage`). */
  readonly vantage: string | null;
  readonly limits: CampaignLimitsOverride | null;
  readonly networks: readonly string[];
  readonly locale: 'fr' | 'en';
}

export interface ScopeRefused {
  readonly code: 'invalid_scope';
  readonly diagnostics: readonly Diagnostic[];
}

function outsideReason(address: string, networks: readonly string[], locale: 'fr' | 'en'): string {
  const list = networks.join(', ');
  return locale === 'fr'
    ? `${address} est hors des réseaux que l’opérateur autorise aux audits (VIGIE_AUDIT_NETWORKS : ${list})`
    : `${address} is outside the networks the operator allows audits to reach (VIGIE_AUDIT_NETWORKS: ${list})`;
}

/** A guard refusing every endpoint outside `networks`, then asking `inner`. */
export function allowlistGuard(
  inner: ScopeGuard,
  networks: readonly string[],
  locale: 'fr' | 'en',
): ScopeGuard {
  const parsed = networks.map(parseNetwork).filter((n): n is Network => n !== undefined);
  return {
    check(endpoint, transport) {
      if (!parsed.some((network) => networkContains(network, endpoint.address))) {
        return { allowed: false, reason: outsideReason(endpoint.address, networks, locale) };
      }
      return inner.check(endpoint, transport);
    },
  };
}

/** True when `address` lies in one of `networks`. */
export function isAllowed(address: string, networks: readonly string[]): boolean {
  return networks.some((text) => {
    const network = parseNetwork(text);
    return network !== undefined && networkContains(network, address);
  });
}

function clamp(value: number | undefined, fallback: number, min: number, max: number): number {
  return value === undefined ? fallback : Math.min(max, Math.max(min, value));
}

/** Parses, resolves and narrows a campaign's scope; located diagnostics when it has errors. */
export async function prepareCampaign(
  input: PrepareInput,
): Promise<Result<PreparedCampaign, ScopeRefused>> {
  const { locale } = input;
  const parsed = parseScope(input.scopeText, SCOPE_FILE_NAME, locale);
  const parseErrors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (parsed.scope === null || parseErrors.length > 0) {
    return err({ code: 'invalid_scope', diagnostics: parsed.diagnostics });
  }
  const resolved = await resolveScope(parsed.scope, {
    ...(input.graph === undefined ? {} : { graph: input.graph }),
    locale,
  });
  const diagnostics = [...parsed.diagnostics, ...resolved.diagnostics];
  if (diagnostics.some((d) => d.severity === 'error')) {
    return err({ code: 'invalid_scope', diagnostics });
  }
  const refused: Refusal[] = [];
  const targets = resolved.targets.filter((target) => {
    if (isAllowed(target.address, input.networks)) return true;
    refused.push({
      address: target.address,
      port: 0,
      reason: outsideReason(target.address, input.networks, locale),
    });
    return false;
  });
  const own = resolved.limits;
  const asked = input.limits ?? {};
  const bounds = LIMIT_BOUNDS;
  return ok({
    scope: {
      targets,
      guard: allowlistGuard(resolved.guard, input.networks, locale),
      limits: {
        concurrency: clamp(asked.concurrency, own.concurrency, 1, bounds.concurrency.max),
        ratePerSecond: clamp(asked.ratePerSecond, own.ratePerSecond, 0, bounds.rate.max),
        timeoutMs: clamp(
          asked.timeoutMs,
          own.timeoutMs,
          bounds.timeoutMs.min,
          bounds.timeoutMs.max,
        ),
        maxBytes: clamp(asked.maxBytes, own.maxBytes, bounds.maxBytes.min, bounds.maxBytes.max),
      },
      vantage: input.vantage ?? resolved.vantage,
      dns: resolved.dns,
    },
    refused,
    portsLabel: resolved.portsLabel,
    name: parsed.scope.name,
    warnings: diagnostics,
  });
}
