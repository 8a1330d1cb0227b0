import type { Severity } from '../../domain/diagnostic.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import type { ModelGraph } from '../graph.js';
import type { DocPath } from '../locator.js';

/** A problem a check found on one entity. */
export interface CheckHit {
  /** Id of the entity the problem is written in; `$organisation` for the organisation. */
  readonly entity: string;
  /** Path of the offending field inside the entity (empty: the entity itself). */
  readonly path: DocPath;
  readonly params: MessageParams;
}

/**
 * A semantic check a reviewer would make on a model that is well-formed but inconsistent.
 * The diagnostic code is the check's id; the message is `diag.<id>` in the catalogues.
 */
export interface ModelCheck {
  readonly id: string;
  readonly severity: Severity;
  readonly message: MessageKey;
  /** What the check looks for, for documentation (English; messages are translated). */
  readonly description: string;
  run(graph: ModelGraph): readonly CheckHit[];
}
