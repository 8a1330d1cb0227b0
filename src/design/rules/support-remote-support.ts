import type { Model } from '../../domain/model/index.js';

/**
 * The brokers each identity reaches devices through (`remoteSupport[].by` → `broker`): a remote
 * access declared `via` or `loginFrom` such a broker is the same channel, reported once by
 * `vendor-remote-support-uncontrolled` rather than again by the VPN third-party rules.
 */
export function remoteSupportBrokers(model: Model): ReadonlyMap<string, ReadonlySet<string>> {
  const brokers = new Map<string, Set<string>>();
  for (const asset of model.assets)
    for (const entry of asset.remoteSupport ?? []) {
      if (entry.by === undefined || entry.broker === undefined) continue;
      const set = brokers.get(entry.by) ?? new Set<string>();
      set.add(entry.broker);
      brokers.set(entry.by, set);
    }
  return brokers;
}

/** Assets named as the broker of some remote-support entry. */
export function brokerAssets(model: Model): ReadonlySet<string> {
  return new Set(
    model.assets.flatMap((asset) =>
      (asset.remoteSupport ?? []).flatMap((entry) =>
        entry.broker === undefined ? [] : [entry.broker],
      ),
    ),
  );
}
