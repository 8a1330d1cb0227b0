/**
 * One release cycle as stored: [releaseCycle, releaseLabel, end of active support, end of life,
 * codename]. Dates are ISO days; null (or absent) when no date is published.
 */
export type LifecycleRow = readonly [
  cycle: string,
  label?: string | null,
  eoas?: string | null,
  eol?: string | null,
  codename?: string,
];

/** A product of the table and its release cycles. */
export interface LifecycleProductData {
  readonly title: string;
  readonly cycles: readonly LifecycleRow[];
}

/** Product id → product, as generated from endoflife.date. */
export type LifecycleTable = Readonly<Record<string, LifecycleProductData>>;

/** Where a lifecycle entry comes from. */
export interface LifecycleSource {
  /** `endoflife.date` (generated table) or `vigie` (hand-written supplement). */
  readonly id: 'endoflife.date' | 'vigie';
  readonly url: string;
  readonly licence: string;
}

/** The release cycle that a free-text product name and version designates. */
export interface LifecycleMatch {
  /** Product id (`windows-server`, `postgresql`…). */
  readonly product: string;
  /** Product name as the source writes it (`Microsoft Windows Server`). */
  readonly productTitle: string;
  /** Release cycle id in the source (`2012-r2`, `11`, `10-22h2`). */
  readonly cycle: string;
  /** Human name of the release (`Microsoft Windows Server 2012 R2`). */
  readonly label: string;
  /** End of active (mainstream) support, when published. */
  readonly eoas?: string;
  /** End of life: the last day of security updates, when published. */
  readonly eol?: string;
  readonly source: LifecycleSource;
}
