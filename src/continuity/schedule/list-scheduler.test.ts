import { describe, expect, it } from 'vitest';
import { listSchedule, type ListSchedule } from './list-scheduler.js';

const at = (result: ListSchedule, id: string) => result.tasks.find((task) => task.id === id);
const times = (result: ListSchedule) =>
  Object.fromEntries(result.tasks.map((task) => [task.id, [task.start, task.end, task.slot]]));

describe('listSchedule', () => {
  it('runs a dependency chain one after the other, whatever the teams', () => {
    const result = listSchedule(
      [
        { id: 'c', duration: 1 },
        { id: 'b', duration: 3 },
        { id: 'a', duration: 2 },
      ],
      [
        { before: 'a', after: 'b' },
        { before: 'b', after: 'c' },
      ],
      2,
    );
    expect(times(result)).toEqual({ a: [0, 2, 0], b: [2, 5, 0], c: [5, 6, 0] });
    expect(result.makespan).toBe(6);
    expect(at(result, 'b')?.waitedFor).toEqual({ task: 'a', reason: 'precedence' });
    expect(result.criticalPath).toEqual(['a', 'b', 'c']);
    expect(at(result, 'a')?.remaining).toBe(6);
  });

  it('runs independent tasks on parallel teams, longest remaining path first', () => {
    const tasks = [
      { id: 'z', duration: 2 },
      { id: 'y', duration: 3 },
      { id: 'x', duration: 4 },
    ];
    const two = listSchedule(tasks, [], 2);
    expect(times(two)).toEqual({ x: [0, 4, 0], y: [0, 3, 1], z: [3, 5, 1] });
    expect(two.makespan).toBe(5);
    expect(at(two, 'z')?.waitedFor).toEqual({ task: 'y', reason: 'team' });
    expect(two.criticalPath).toEqual(['y', 'z']);
    const one = listSchedule(tasks, [], 1);
    expect(times(one)).toEqual({ x: [0, 4, 0], y: [4, 7, 0], z: [7, 9, 0] });
    expect(one.criticalPath).toEqual(['x', 'y', 'z']);
  });

  it('starts the best rank first, and a prerequisite inherits the rank of what needs it', () => {
    const result = listSchedule(
      [
        { id: 'p', duration: 1, rank: [60] },
        { id: 'q', duration: 5, rank: [30] },
        { id: 'r', duration: 2 },
        { id: 's', duration: 1, rank: [60] },
      ],
      [{ before: 'r', after: 'q' }],
      1,
    );
    // r (inherits 30 from q) 0–2, q 2–7, then p and s (60): same rank, same path, by id.
    expect(times(result)).toEqual({ r: [0, 2, 0], q: [2, 7, 0], p: [7, 8, 0], s: [8, 9, 0] });
    expect(result.criticalPath).toEqual(['r', 'q', 'p', 's']);
  });

  it('follows precedences and team waits back for the critical path', () => {
    const result = listSchedule(
      [
        { id: 'a', duration: 3 },
        { id: 'b', duration: 1 },
        { id: 'c', duration: 2 },
        { id: 'd', duration: 1 },
      ],
      [
        { before: 'a', after: 'c' },
        { before: 'b', after: 'd' },
      ],
      2,
    );
    // a 0–3 and b 0–1; d 1–2 on b's team; c 3–5 after a.
    expect(times(result)).toEqual({ a: [0, 3, 0], b: [0, 1, 1], d: [1, 2, 1], c: [3, 5, 0] });
    expect(result.makespan).toBe(5);
    expect(result.criticalPath).toEqual(['a', 'c']);
  });

  it('breaks a cycle deterministically, reports the dropped precedence, and never loops', () => {
    const result = listSchedule(
      [
        { id: 'b', duration: 1 },
        { id: 'a', duration: 1 },
        { id: 'c', duration: 1 },
        { id: 'd', duration: 1 },
      ],
      [
        { before: 'a', after: 'b' },
        { before: 'b', after: 'c' },
        { before: 'c', after: 'a' },
        { before: 'd', after: 'd' },
        { before: 'a', after: 'ghost' },
      ],
      1,
    );
    expect(result.brokenPrecedences).toEqual([
      { before: 'c', after: 'a' },
      { before: 'd', after: 'd' },
    ]);
    expect(result.unknownPrecedences).toEqual([{ before: 'a', after: 'ghost' }]);
    expect(times(result)).toEqual({ a: [0, 1, 0], b: [1, 2, 0], c: [2, 3, 0], d: [3, 4, 0] });
  });

  it('keeps a hard precedence over a soft one when breaking a cycle', () => {
    const tasks = [
      { id: 'a', duration: 1 },
      { id: 'b', duration: 1 },
    ];
    const soft = listSchedule(
      tasks,
      [
        { before: 'b', after: 'a' },
        { before: 'a', after: 'b' },
      ],
      1,
    );
    expect(soft.brokenPrecedences).toEqual([{ before: 'b', after: 'a' }]);
    const hard = listSchedule(
      tasks,
      [
        { before: 'b', after: 'a', hard: true },
        { before: 'a', after: 'b' },
      ],
      1,
    );
    expect(hard.brokenPrecedences).toEqual([{ before: 'a', after: 'b' }]);
    expect(times(hard)).toEqual({ b: [0, 1, 0], a: [1, 2, 0] });
  });

  it('schedules nothing without tasks', () => {
    expect(listSchedule([], [], 3)).toMatchObject({ tasks: [], makespan: 0, criticalPath: [] });
  });
});

describe('listSchedule — bound and external tasks', () => {
  it('runs a task bound to a slot only there, and others on a slot no bound task waits for', () => {
    // a and b must run on slot 0 (3 h each), c (1 h) anywhere; unbound the makespan would be 4 h.
    const result = listSchedule(
      [
        { id: 'a', duration: 180, slots: [0] },
        { id: 'b', duration: 180, slots: [0] },
        { id: 'c', duration: 60 },
      ],
      [],
      2,
    );
    expect(times(result)).toEqual({ a: [0, 180, 0], c: [0, 60, 1], b: [180, 360, 0] });
    expect(result.makespan).toBe(360);
    expect(at(result, 'b')?.waitedFor).toEqual({ task: 'a', reason: 'team' });
  });

  it('runs external work at once without holding a slot, and what needs it waits for it', () => {
    const result = listSchedule(
      [
        { id: 's', duration: 600, external: true },
        { id: 'x', duration: 120 },
        { id: 'y', duration: 180 },
      ],
      [{ before: 's', after: 'x' }],
      1,
    );
    // y takes the only slot at 0 while s runs outside; x waits for s (600), not for the team.
    expect(times(result)).toEqual({ s: [0, 600, -1], y: [0, 180, 0], x: [600, 720, 0] });
    expect(at(result, 'x')?.waitedFor).toEqual({ task: 's', reason: 'precedence' });
  });
});
