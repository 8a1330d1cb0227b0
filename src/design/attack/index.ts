export { analyseAttackPaths } from './analyze-paths.js';
export type {
  AttackPath,
  AttackPathAnalysis,
  AttackPathOptions,
  ChokePoint,
  TargetCut,
} from './analyze-paths.js';
export { buildAttackGraph, weightOf } from './attack-graph.js';
export type { AttackEdge, AttackGraph, AttackNode } from './attack-graph.js';
export { COST_CLASS_LABELS, COST_CLASSES } from './remedies.js';
export type { CostClass } from './remedies.js';
export type { AttackStep } from './explain.js';
export { distancesTo, kShortestPaths, pathTo } from './k-shortest.js';
export type { WeightedPath } from './k-shortest.js';
export { FlowNetwork } from './min-cut.js';
export { findThreatSources } from './sources.js';
export type { ThreatSource } from './sources.js';
export { findTargets } from './targets.js';
export type { AttackTarget } from './targets.js';
export { TECHNIQUES } from './techniques.js';
