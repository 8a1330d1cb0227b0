/**
 * Predicates over model entities, defined once for every engine that reads the model (rules,
 * CP1 evidence, attack paths, custom rules, documents, the platform). They take plain entities
 * and, where groups matter, a lookup a `ModelGraph` satisfies; they import nothing but the model.
 */
import type { Encryption, Protocol } from './protocol.js';
import type { Asset } from './asset.js';
import type { Identity } from './identity.js';
import { LOGGING_EXPECTED_KINDS, SELF_ENCRYPTING_PROTOCOLS } from './vocabulary.js';

/** Finds identities by id (groups, owners): `ModelGraph` is one. */
export interface IdentityLookup {
  identity(id: string): Identity | undefined;
}

/**
 * True while the identity is in place. `left` is the person's last day: they are active up to
 * and including it (`today <= left`) and gone from the day after.
 */
export function isActive(identity: Pick<Identity, 'left'>, today: string): boolean {
  return identity.left === undefined || today <= identity.left;
}

/** True once the identity's last day (`left`) is past: the opposite of {@link isActive}. */
export function hasLeft(identity: Pick<Identity, 'left'>, today: string): boolean {
  return !isActive(identity, today);
}

/** Display name of an entity, else its id. */
export function nameOf(entity: {
  readonly id: string;
  readonly name?: string | undefined;
}): string {
  return entity.name ?? entity.id;
}

/** True for identities declared privileged, or members of a privileged group. */
export function isPrivileged(lookup: IdentityLookup, identity: Identity): boolean {
  if (identity.privileged === true) return true;
  return (identity.memberOf ?? []).some((group) => lookup.identity(group)?.privileged === true);
}

/** True when the identity has MFA: its own setting wins, else a group it belongs to. */
export function hasMfa(lookup: IdentityLookup, identity: Identity): boolean {
  if (identity.mfa !== undefined) return identity.mfa;
  return (identity.memberOf ?? []).some((group) => lookup.identity(group)?.mfa === true);
}

/** Ids of what an identity administers through its own rights (not its groups'). */
export function adminTargets(identity: Identity): string[] {
  return (identity.rights ?? []).filter((r) => r.level === 'admin').map((r) => r.on);
}

/** What an identity administers through its own rights and those of the groups it is in. */
export function effectiveAdminTargets(lookup: IdentityLookup, identity: Identity): string[] {
  const groups = (identity.memberOf ?? []).flatMap((id) => {
    const group = lookup.identity(id);
    return group === undefined ? [] : adminTargets(group);
  });
  return [...new Set([...adminTargets(identity), ...groups])];
}

/** What a flow (or a service) says of its encryption. */
export interface EncryptionFacts {
  readonly encryption?: Encryption | undefined;
  readonly protocol?: Protocol | undefined;
}

/** True when an encryption is declared and is not `none` (an undeclared one counts as none). */
export function hasDeclaredEncryption(flow: EncryptionFacts): boolean {
  return flow.encryption !== undefined && flow.encryption !== 'none';
}

/**
 * True when the flow is encrypted: from its declared encryption, else from a protocol that
 * encrypts by itself (`https`, `ssh`, a VPN…).
 */
export function isFlowEncrypted(flow: EncryptionFacts): boolean {
  if (flow.encryption !== undefined) return flow.encryption !== 'none';
  return flow.protocol !== undefined && SELF_ENCRYPTING_PROTOCOLS.includes(flow.protocol);
}

/** True when the asset declares at least one log source (a `logging` block without sources counts as none). */
export function declaresLogSources(asset: Asset): boolean {
  return (asset.logging?.sources ?? []).length > 0;
}

/**
 * True for an asset whose logs an investigation needs (`LOGGING_EXPECTED_KINDS`) but that
 * declares no log source: what the `asset-without-logs` rule finds, the DAT lists as silent and
 * the model summary counts.
 */
export function lacksNeededLogs(asset: Asset): boolean {
  return LOGGING_EXPECTED_KINDS.includes(asset.kind) && !declaresLogSources(asset);
}
