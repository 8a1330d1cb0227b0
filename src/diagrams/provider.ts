/**
 * The diagrams documents embed, drawn from one prepared `DocumentInput`: the facts every view
 * reads (worst finding per entity, exposure) are computed once per provider.
 */
import type { AttackPath } from '../design/attack/analyze-paths.js';
import type { Diagram, DiagramProvider, ZonesView } from '../presentation/diagram-provider.js';
import type { DocumentInput } from '../presentation/input.js';
import { attackPathDiagram } from './attack-path.js';
import { collectFacts, type Facts } from './facts.js';
import { processDiagram } from './process.js';
import { zonesDiagram } from './zones.js';

export interface ProviderOptions {
  /** Draw the title above each diagram (standalone files); documents use captions instead. */
  readonly heading?: boolean;
}

export function createDiagramProvider(
  input: DocumentInput,
  options: ProviderOptions = {},
): DiagramProvider {
  let facts: Facts | undefined;
  const get = (): Facts => (facts ??= collectFacts(input));
  const heading = options.heading === true;
  return {
    zones: (view: ZonesView = {}): Promise<Diagram> => zonesDiagram(get(), view, heading),
    process: (processId: string): Promise<Diagram> => processDiagram(get(), processId, heading),
    attackPath: (path: AttackPath): Promise<Diagram> => attackPathDiagram(get(), path, heading),
  };
}
