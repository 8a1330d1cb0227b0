import { describe, expect, it } from 'vitest';
import { groupAttackPaths, pageAttackPaths } from './attack-path-groups.js';
import type { AttackPathView, AttackPathsResponse } from './types.js';

const path = (target: string, rank: number, score: number): AttackPathView => ({
  id: `${target}.${String(rank)}`,
  source: { id: 'internet', name: 'Internet' },
  target: { kind: 'assets', id: target, name: target.toUpperCase() },
  rank,
  score,
  steps: [],
});

const PATHS = [
  path('db', 1, 0.2),
  path('db', 2, 0.1),
  path('erp', 1, 0.6),
  path('erp', 2, 0.05),
  path('erp', 3, 0.04),
  path('mail', 1, 0.2),
  path('nas', 1, 0.2),
  path('nas', 2, 0.01),
];

describe('attack paths by target', () => {
  it('groups by target, the most likely target first, ties by count then name', () => {
    const groups = groupAttackPaths(PATHS);
    expect(groups.map((g) => [g.target.id, g.count, g.best])).toEqual([
      ['erp', 3, 0.6],
      ['db', 2, 0.2],
      ['nas', 2, 0.2],
      ['mail', 1, 0.2],
    ]);
    expect(groups[0]?.paths.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(groupAttackPaths([])).toEqual([]);
  });

  it('pages by groups and keeps only the paths of the page', () => {
    const response: AttackPathsResponse = {
      version: 3,
      paths: PATHS,
      chokePoints: [],
      targets: [],
    };
    const second = pageAttackPaths(response, 1, 2);
    expect(second.page?.groups.map((g) => g.target.id)).toEqual(['db', 'nas']);
    expect(second.paths.map((p) => p.id)).toEqual(['db.1', 'db.2', 'nas.1', 'nas.2']);
    expect(second.page).toMatchObject({ offset: 1, limit: 2, totalGroups: 4, totalPaths: 8 });
    const beyond = pageAttackPaths(response, 10, 25);
    expect(beyond.paths).toEqual([]);
    expect(beyond.page?.totalGroups).toBe(4);
  });
});
