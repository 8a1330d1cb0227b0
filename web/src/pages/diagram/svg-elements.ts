/** Reads the model elements a (sanitised) diagram SVG shows, in the browser. */
import type { ElementAttributes } from './targets';

export const TARGET_SELECTOR = '[data-id], [data-flows]';

export function attributesOf(element: Element): ElementAttributes {
  return {
    kind: element.getAttribute('data-kind'),
    id: element.getAttribute('data-id'),
    flows: element.getAttribute('data-flows'),
  };
}

/** Elements with `data-id` / `data-flows`, each with the text of its first label. */
export function readElements(svg: string): (ElementAttributes & { label: string | null })[] {
  if (svg === '') return [];
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return Array.from(doc.querySelectorAll(TARGET_SELECTOR), (element) => ({
    ...attributesOf(element),
    label: element.querySelector('text')?.textContent ?? null,
  }));
}
