import { describe, expect, it } from 'vitest';
import { manualClock } from '../store/test-support.js';
import { isoDateOf } from '../clock.js';
import { daysBetween, reminderKey, remindersDue, type ReminderFinding } from './select.js';

const DAY = 24 * 60 * 60 * 1000;

const finding = (id: string, reviewDate: string | null, status = 'accepted'): ReminderFinding => ({
  id,
  title: `Finding ${id}`,
  severity: 'high',
  decision: { status, reviewDate },
});

const FINDINGS: readonly ReminderFinding[] = [
  finding('a@x', '2026-03-20'),
  finding('b@y', '2026-03-05'),
  finding('c@z', '2026-02-27'),
  finding('d@w', null, 'mitigated'),
  { id: 'e@v', title: 'no decision', severity: 'low', decision: null },
];

describe('remindersDue', () => {
  it('selects the review dates within N days as upcoming and the passed ones as lapsed', () => {
    const due = remindersDue(FINDINGS, '2026-03-01', new Set(), 14);
    expect(due).toEqual([
      { findingId: 'c@z', kind: 'lapsed', reviewDate: '2026-02-27', daysLeft: -2 },
      { findingId: 'b@y', kind: 'upcoming', reviewDate: '2026-03-05', daysLeft: 4 },
    ]);
  });

  it('is upcoming on the review date itself and lapsed the day after (as the analysis)', () => {
    expect(remindersDue([finding('a@x', '2026-03-01')], '2026-03-01', new Set(), 0)).toMatchObject([
      { kind: 'upcoming', daysLeft: 0 },
    ]);
    expect(remindersDue([finding('a@x', '2026-03-01')], '2026-03-02', new Set(), 0)).toMatchObject([
      { kind: 'lapsed', daysLeft: -1 },
    ]);
  });

  it('sends each reminder once as a manual clock moves on, then the lapsed one', () => {
    const time = manualClock('2026-03-01T09:00:00.000Z');
    const sent = new Set<string>();
    const log: string[] = [];
    for (let day = 0; day < 40; day++) {
      const today = isoDateOf(time.clock);
      for (const reminder of remindersDue(FINDINGS, today, sent, 14)) {
        sent.add(reminderKey(reminder));
        log.push(`${today} ${reminder.findingId} ${reminder.kind}`);
      }
      time.advance(DAY);
    }
    expect(log).toEqual([
      '2026-03-01 c@z lapsed',
      '2026-03-01 b@y upcoming',
      '2026-03-06 b@y lapsed',
      '2026-03-06 a@x upcoming',
      '2026-03-21 a@x lapsed',
    ]);
  });

  it('starts over when the review date changes (a new decision)', () => {
    const sent = new Set([
      reminderKey({ findingId: 'c@z', kind: 'lapsed', reviewDate: '2026-02-27' }),
    ]);
    expect(remindersDue([finding('c@z', '2026-02-27')], '2026-03-01', sent)).toEqual([]);
    expect(remindersDue([finding('c@z', '2026-03-10')], '2026-03-01', sent)).toEqual([
      { findingId: 'c@z', kind: 'upcoming', reviewDate: '2026-03-10', daysLeft: 9 },
    ]);
  });

  it('ignores malformed dates and duplicate findings; refuses a bad today or N', () => {
    expect(
      remindersDue(
        [finding('a@x', 'soon'), finding('b@y', '2026-02-01'), finding('b@y', '2026-02-01')],
        '2026-03-01',
        new Set(),
      ),
    ).toHaveLength(1);
    expect(() => remindersDue([], '01/03/2026', new Set())).toThrow(RangeError);
    expect(() => remindersDue([], '2026-03-01', new Set(), -1)).toThrow(RangeError);
    expect(() => remindersDue([], '2026-03-01', new Set(), 1.5)).toThrow(RangeError);
  });

  it('counts days across months and leap years', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
});
