import type { CheckHit, ModelCheck } from './check.js';

export const recoveryTeamUnknown: ModelCheck = {
  id: 'recovery-team-unknown',
  severity: 'error',
  message: 'diag.recovery-team-unknown',
  description:
    "An asset's recovery names a team that organisation.continuity.teams does not declare.",
  run(graph) {
    const teams = (graph.model.organisation?.continuity?.teams ?? []).map((team) => team.id);
    const hits: CheckHit[] = [];
    for (const asset of graph.model.assets) {
      const team = asset.recovery?.team;
      if (team !== undefined && !teams.includes(team)) {
        hits.push({
          entity: asset.id,
          path: ['recovery', 'team'],
          params: { team, teams: teams.length === 0 ? '—' : teams.join(', ') },
        });
      }
    }
    return hits;
  },
};
