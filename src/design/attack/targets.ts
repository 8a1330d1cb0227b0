import { compareIds } from '../../domain/compare.js';
import type { NeedCriterion } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import type { NeedsAnalysis } from '../needs.js';
import { text, type LocalizedText } from '../text.js';
import { label } from '../../model/predicates.js';

export const TARGET_REASONS = ['need', 'directory', 'backup', 'ot-controller'] as const;
export type TargetReasonCode = (typeof TARGET_REASONS)[number];

/** Why an asset is a crown jewel. */
export interface TargetReason {
  readonly code: TargetReasonCode;
  /** 1–4: the need at stake, 4 for directories, backups and controllers. */
  readonly level: number;
  /** The business value, backup policy or criterion the reason comes from. */
  readonly entity?: string;
  readonly criterion?: NeedCriterion;
  readonly text: LocalizedText;
}

/** A crown jewel an attacker would aim for. */
export interface AttackTarget {
  readonly id: string;
  readonly label: string;
  /** The highest level among its reasons: targets are ranked on it. */
  readonly value: number;
  readonly reasons: readonly TargetReason[];
}

const CONTROLLERS: readonly string[] = ['plc', 'safety-system', 'scada', 'rtu'];
const CRITERION_NAMES: Readonly<Record<NeedCriterion, LocalizedText>> = {
  availability: text('availability', 'disponibilité'),
  integrity: text('integrity', 'intégrité'),
  confidentiality: text('confidentiality', 'confidentialité'),
  proof: text('proof', 'preuve'),
};

function needReasons(graph: ModelGraph, needs: NeedsAnalysis, assetId: string): TargetReason[] {
  const result: TargetReason[] = [];
  const propagated = needs.of(assetId);
  const criteria: readonly NeedCriterion[] = [
    'confidentiality',
    'integrity',
    'availability',
    'proof',
  ];
  for (const criterion of criteria) {
    const { level, source } = propagated[criterion];
    if (level < 3 || source === undefined) continue;
    const isData = graph.data(source) !== undefined;
    // data sets count for confidentiality and integrity, processes for every criterion
    if (isData && criterion !== 'confidentiality' && criterion !== 'integrity') continue;
    const name = label(graph, source);
    const c = CRITERION_NAMES[criterion];
    result.push({
      code: 'need',
      level,
      entity: source,
      criterion,
      text: isData
        ? text(
            `stores or hosts ${name} (${c.en} ${level})`,
            `stocke ou héberge ${name} (${c.fr} ${level})`,
          )
        : text(`supports ${name} (${c.en} ${level})`, `supporte ${name} (${c.fr} ${level})`),
    });
  }
  return result;
}

function backupTargets(graph: ModelGraph): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const backup of graph.model.backups) {
    if (backup.target === undefined || graph.asset(backup.target) === undefined) continue;
    result.set(backup.target, [...(result.get(backup.target) ?? []), backup.id]);
  }
  return result;
}

/**
 * The crown jewels of a model: assets that store or host data with a confidentiality or
 * integrity need of 3 or more, assets supporting a process with a need of 3 or more,
 * directories, backup servers and backup targets, and industrial controllers (PLC, safety
 * systems, SCADA, RTU). Sorted by value (highest first), then id.
 */
export function findTargets(graph: ModelGraph, needs: NeedsAnalysis): readonly AttackTarget[] {
  const backups = backupTargets(graph);
  const targets: AttackTarget[] = [];
  for (const asset of graph.model.assets) {
    const reasons = needReasons(graph, needs, asset.id);
    if (asset.kind === 'directory') {
      reasons.push({
        code: 'directory',
        level: 4,
        text: text(
          'directory: whoever controls it controls every account',
          'annuaire : qui le contrôle contrôle tous les comptes',
        ),
      });
    }
    const policies = backups.get(asset.id) ?? [];
    if (asset.kind === 'backup-server' || policies.length > 0) {
      const list = policies.join(', ');
      reasons.push({
        code: 'backup',
        level: 4,
        ...(policies[0] === undefined ? {} : { entity: policies[0] }),
        text:
          policies.length > 0
            ? text(`holds the backups ${list}`, `contient les sauvegardes ${list}`)
            : text('backup server', 'serveur de sauvegarde'),
      });
    }
    if (CONTROLLERS.includes(asset.kind)) {
      reasons.push({
        code: 'ot-controller',
        level: 4,
        text: text(
          `industrial controller (${asset.kind}): acts on the physical process`,
          `contrôleur industriel (${asset.kind}) : agit sur le procédé physique`,
        ),
      });
    }
    if (reasons.length === 0) continue;
    targets.push({
      id: asset.id,
      label: label(graph, asset.id),
      value: Math.max(...reasons.map((r) => r.level)),
      reasons,
    });
  }
  return targets.sort((a, b) => b.value - a.value || compareIds(a.id, b.id));
}
