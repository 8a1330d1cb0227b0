/**
 * Comparing what a banner says (product, version) with what the model declares: product names
 * match when the words of one contain the other's (`nginx` / `nginx`, `Apache httpd` / `Apache`),
 * versions are compared on their numeric parts as far as both are precise (`1.22` = `1.22.1`,
 * `7.4p1` < `8.4`).
 */
import type { Asset, Service } from '../../domain/model/index.js';
import { toWords } from '../../domain/lifecycle/normalise.js';
import type { ServiceIdentity } from '../types.js';
import type { HostView, OpenPort } from './view.js';

const nameWords = (name: string): string[] => toWords(name).filter((w) => !/^\d/.test(w));

export function isSameProduct(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wb.length === 0) return false;
  return wa.every((w) => wb.includes(w)) || wb.every((w) => wa.includes(w));
}

/** The numeric parts of the first version-looking run (`8.4p1` → [8, 4], `2019 CU28` → [2019]). */
export function versionNumbers(version: string): readonly number[] {
  const match = /\d+(?:\.\d+)*/.exec(version);
  return match === null ? [] : match[0].split('.').map(Number);
}

/** -1 observed older, 1 newer, 0 equal as far as both are precise, undefined when not comparable. */
export function compareVersions(declared: string, observed: string): -1 | 0 | 1 | undefined {
  const d = versionNumbers(declared);
  const o = versionNumbers(observed);
  if (d.length === 0 || o.length === 0) return undefined;
  for (let i = 0; i < Math.min(d.length, o.length); i += 1) {
    const a = d[i] ?? 0;
    const b = o[i] ?? 0;
    if (a !== b) return b < a ? -1 : 1;
  }
  return 0;
}

/** One difference between a declaration and a banner. */
export interface VersionDrift {
  readonly asset: Asset;
  readonly port: OpenPort;
  readonly observed: ServiceIdentity;
  /** The declared service on the port, or the asset software of the same product. */
  readonly declared:
    | { readonly kind: 'service'; readonly service: Service }
    | { readonly kind: 'software'; readonly index: number };
  readonly declaredProduct: string | undefined;
  readonly declaredVersion: string | undefined;
  readonly relation: 'older' | 'newer' | 'product';
}

function relationOf(
  declaredProduct: string | undefined,
  declaredVersion: string | undefined,
  observed: ServiceIdentity,
): VersionDrift['relation'] | undefined {
  if (declaredProduct !== undefined && observed.product !== undefined) {
    if (!isSameProduct(declaredProduct, observed.product)) return 'product';
  }
  if (declaredVersion === undefined || observed.version === undefined) return undefined;
  const order = compareVersions(declaredVersion, observed.version);
  return order === -1 ? 'older' : order === 1 ? 'newer' : undefined;
}

/** Every product or version difference on the open ports of a host. */
export function versionDrifts(h: HostView): VersionDrift[] {
  const drifts: VersionDrift[] = [];
  for (const asset of h.assets) {
    for (const port of h.open) {
      const observed = port.service;
      if (observed?.product === undefined) continue;
      const service = (asset.services ?? []).find(
        (s) => s.port === port.declared && (s.transport ?? 'tcp') === 'tcp',
      );
      if (
        service !== undefined &&
        (service.product !== undefined || service.version !== undefined)
      ) {
        const relation = relationOf(service.product, service.version, observed);
        if (relation !== undefined) {
          drifts.push({
            asset,
            port,
            observed,
            declared: { kind: 'service', service },
            declaredProduct: service.product,
            declaredVersion: service.version,
            relation,
          });
          continue;
        }
        if (service.version !== undefined) continue;
      }
      // no version declared on the port: the asset's software of the same product, if any
      const index = (asset.software ?? []).findIndex((s) =>
        isSameProduct(s.name, observed.product ?? ''),
      );
      const software = asset.software?.[index];
      if (software === undefined) continue;
      const relation = relationOf(undefined, software.version, observed);
      if (relation !== undefined) {
        drifts.push({
          asset,
          port,
          observed,
          declared: { kind: 'software', index },
          declaredProduct: software.name,
          declaredVersion: software.version,
          relation,
        });
      }
    }
  }
  return drifts;
}
