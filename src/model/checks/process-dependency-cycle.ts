import type { ModelCheck } from './check.js';
import { findCycles } from './cycle.js';

export const processDependencyCycle: ModelCheck = {
  id: 'process-dependency-cycle',
  severity: 'error',
  message: 'diag.process-dependency-cycle',
  description: 'Business processes depend on each other in a loop: no recovery order exists.',
  run(graph) {
    const ids = graph.model.processes.map((process) => process.id);
    const dependencies = (id: string): readonly string[] =>
      (graph.process(id)?.dependsOn ?? []).filter((other) => graph.process(other) !== undefined);
    return findCycles(ids, dependencies).map(({ start, target, cycle }) => ({
      entity: start,
      path: ['dependsOn', graph.process(start)?.dependsOn?.indexOf(target) ?? 0],
      params: { cycle },
    }));
  },
};
