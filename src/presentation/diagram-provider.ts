/**
 * What document builders ask of diagrams. Builders depend on this interface only; the
 * implementation (`src/diagrams/`, elkjs layout drawn as SVG) is injected by the caller, so
 * builders stay pure and testable and the diagrams can be replaced.
 */
import type { AttackPath } from '../design/attack/analyze-paths.js';

/** A drawing, ready for a `figure` block. */
export interface Diagram {
  /** Standalone SVG (viewBox set, fonts named DejaVu Sans, no external reference). */
  readonly svg: string;
  /** Size of the viewBox, in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** Short title, in the provider's locale (usable as a caption). */
  readonly title: string;
  /** Text alternative describing what is drawn (counts, main elements). */
  readonly alt: string;
}

export interface ZonesView {
  /** Only this site's zones (and the flows crossing its border, to outside boxes). */
  readonly siteId?: string;
  /** Only this zone and its sub-zones, with the flows to and from it. */
  readonly zoneId?: string;
  /**
   * Above this many assets in the view, zones are drawn without their assets (one box per zone
   * with its asset count, flows aggregated per pair of zones). Default 80.
   */
  readonly maxAssets?: number;
}

export interface DiagramProvider {
  /** The network/zone diagram: zones as nested boxes, assets inside, flows as edges. */
  zones(view?: ZonesView): Promise<Diagram>;
  /** The data-flow diagram of one business process (its supporting assets and their flows). */
  process(processId: string): Promise<Diagram>;
  /** One attack path: source, each step with its technique, target. */
  attackPath(path: AttackPath): Promise<Diagram>;
}
