/** Builders shared by this folder's tests (not part of the public surface). */
import { createCorrelator } from './correlator.js';
import type {
  CorrelationAlert,
  CorrelationDefinition,
  Correlator,
  CorrelatorOptions,
  DetectionInput,
} from './types.js';

/** A definition with test defaults: id `c1`, no group-by, 10 s, generate false. */
export function definition(
  fields: Partial<CorrelationDefinition> & Pick<CorrelationDefinition, 'type' | 'rules'>,
): CorrelationDefinition {
  return {
    id: 'c1',
    title: 'Test correlation',
    groupBy: [],
    timespanMs: 10_000,
    condition: {},
    generate: false,
    ...fields,
  };
}

/** A detection of `ruleId` at `seconds`, from record `line` of file `log`. */
export function detection(
  ruleId: string,
  seconds: number,
  line: number,
  event: Record<string, unknown> = {},
  file = 'log',
): DetectionInput {
  return { ruleId, time: seconds * 1000, event, file, line };
}

export interface Run {
  readonly alerts: CorrelationAlert[];
  readonly correlator: Correlator;
}

/** Pushes every detection in the given order, then flushes. */
export function run(
  definitions: readonly CorrelationDefinition[],
  detections: readonly DetectionInput[],
  options?: CorrelatorOptions,
): Run {
  const correlator = createCorrelator(definitions, options);
  const alerts: CorrelationAlert[] = [];
  for (const d of detections) alerts.push(...correlator.push(d));
  alerts.push(...correlator.flush());
  return { alerts, correlator };
}

/** What tests compare: which correlation, when, the value, the group and the record lines. */
export function brief(alert: CorrelationAlert): {
  id: string | undefined;
  time: number;
  window: [number, number];
  value: number;
  group: Readonly<Record<string, unknown>>;
  lines: number[];
} {
  return {
    id: alert.correlationId,
    time: alert.time / 1000,
    window: [alert.window.start / 1000, alert.window.end / 1000],
    value: alert.value,
    group: alert.group,
    lines: alert.lines.map((r) => r.line),
  };
}
