/**
 * The zone and label helpers that lived here are model predicates now (src/model/predicates.ts).
 * `label` stays re-exported for src/documents until it imports src/model/predicates.js itself.
 */
export { label } from '../../model/predicates.js';
