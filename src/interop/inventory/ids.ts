/** Kebab-case ids from names people type, unique within one model. */

/** `Serveur ERP (prod)` → `serveur-erp-prod`; empty when nothing usable is left. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[œ]/g, 'oe')
    .replace(/[æ]/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90)
    .replace(/-+$/, '');
}

/** A lower-case, accent-free, alphanumeric-only form for comparing headers and names. */
export function normalise(text: string): string {
  return slugify(text).replaceAll('-', '');
}

/** Hands out unique ids: `base`, then `base-2`, `base-3`… */
export class IdAllocator {
  private readonly used = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const id of taken) this.used.add(id);
  }

  has(id: string): boolean {
    return this.used.has(id);
  }

  /** A free id from `wanted` (slugified; `fallback` when nothing is left of it). */
  allocate(wanted: string, fallback: string): string {
    const base = slugify(wanted) || fallback;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${String(n)}`;
    this.used.add(id);
    return id;
  }
}
