/**
 * Analyses of the model that several readers need — rules, documents, the platform's views —
 * computed once per model graph, on first use, and shared: whoever asks with the same graph gets
 * the same result, so two readers cannot disagree.
 */
import type { ModelGraph } from '../../model/graph.js';
import { analyseBackupCoverage, type BackupCoverageAnalysis } from './backup-coverage.js';
import { analyseInternetExposure, type InternetExposureAnalysis } from './internet-exposure.js';

export type {
  BackupCoverageAnalysis,
  BestBackup,
  EntityBackupCoverage,
  ProcessRecovery,
} from './backup-coverage.js';
export type { InternetExposure, InternetExposureAnalysis } from './internet-exposure.js';

/** The shared analyses of one model graph, each computed when first read. */
export interface ModelAnalyses {
  readonly internetExposure: InternetExposureAnalysis;
  readonly backupCoverage: BackupCoverageAnalysis;
}

const cache = new WeakMap<ModelGraph, ModelAnalyses>();

function lazy<T>(compute: () => T): () => T {
  let value: { readonly v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

/** The analyses of a graph: the same object for the same graph (graphs are immutable). */
export function analysesOf(graph: ModelGraph): ModelAnalyses {
  let analyses = cache.get(graph);
  if (analyses === undefined) {
    const internetExposure = lazy(() => analyseInternetExposure(graph));
    const backupCoverage = lazy(() => analyseBackupCoverage(graph));
    analyses = {
      get internetExposure() {
        return internetExposure();
      },
      get backupCoverage() {
        return backupCoverage();
      },
    };
    cache.set(graph, analyses);
  }
  return analyses;
}
