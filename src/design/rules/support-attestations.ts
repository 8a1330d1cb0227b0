import type { Attestation, AttestationKind, DataSet, Model } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { dataStoredOn, isCloudAsset, zoneOf } from '../../model/predicates.js';
import { dataHeldBy } from './support-resilience.js';

/** True while an attestation is valid on `today` (no end date: taken as valid). */
export const isCurrent = (attestation: Attestation, today: string): boolean =>
  attestation.validUntil === undefined || attestation.validUntil >= today;

/** The asset and the assets it runs on, innermost first: whose certifications cover it. */
export const hostingChain = (graph: ModelGraph, id: string): string[] => [id, ...graph.hostsOf(id)];

/**
 * The provider-run asset holding what `id` holds: the innermost SaaS or cloud asset of its
 * hosting chain; `undefined` when the organisation hosts it itself.
 */
export function providerAssetOf(graph: ModelGraph, id: string): string | undefined {
  return hostingChain(graph, id).find((member) => {
    const asset = graph.asset(member);
    return asset !== undefined && isCloudAsset(graph, asset);
  });
}

/** Attestations of a kind held anywhere in the hosting chain (expired ones included). */
export function chainAttestations(
  graph: ModelGraph,
  id: string,
  kind: AttestationKind,
): Attestation[] {
  return hostingChain(graph, id).flatMap((member) =>
    (graph.asset(member)?.attestations ?? []).filter((a) => a.kind === kind),
  );
}

export const isHealthData = (data: DataSet): boolean =>
  data.personal?.categories.includes('health') ?? false;

/** Names that say a data set holds payment cards (English and French). */
const CARD_NAME = /\b(cards?|cartes? (bancaires?|de paiement)|cb|pan|cardholder|porteurs?)\b/i;

/**
 * Card payment data: a data set the model says holds cardholder data (`cardholderData: true`);
 * when it does not say, for an organisation that declares taking card payments, a data set named
 * after payment cards. `cardholderData: false` (tokens only) is never card data.
 */
export function isCardData(model: Model, data: DataSet): boolean {
  if (data.cardholderData !== undefined) return data.cardholderData;
  if (model.organisation?.regulatory?.cardPayments !== true) return false;
  return CARD_NAME.test(data.id.replace(/-/g, ' ')) || CARD_NAME.test(data.name ?? '');
}

/**
 * Data sets matching `keep` held by each provider-run asset (stored on it, sent to it, or held by
 * an asset running on it), with the assets holding them, by provider asset id in id order. With
 * `hostedOnly`, data merely sent to an asset of a partner zone does not count: a partner that
 * receives data (a public body, a payer) processes it in its own right, it does not host it for
 * the organisation.
 */
export function providerHoldings(
  graph: ModelGraph,
  keep: (data: DataSet) => boolean,
  options: { readonly hostedOnly?: boolean } = {},
): Map<string, { data: Set<string>; holders: Set<string> }> {
  const result = new Map<string, { data: Set<string>; holders: Set<string> }>();
  // most models hold no such data: nothing to walk then
  if (!graph.model.data.some(keep)) return result;
  for (const asset of graph.model.assets) {
    const recipientOnly =
      options.hostedOnly === true && zoneOf(graph, asset.id)?.kind === 'partner';
    const held = recipientOnly ? dataStoredOn(graph, asset.id) : dataHeldBy(graph, asset.id).data;
    const data = held.filter(keep);
    if (data.length === 0) continue;
    const provider = providerAssetOf(graph, asset.id);
    if (provider === undefined) continue;
    const entry = result.get(provider) ?? { data: new Set<string>(), holders: new Set<string>() };
    for (const set of data) entry.data.add(set.id);
    if (asset.id !== provider) entry.holders.add(asset.id);
    result.set(provider, entry);
  }
  return new Map([...result].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
