/** The `timespan` of a correlation: `number + lowercase letter` (s, m, h, d) → milliseconds. */

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Milliseconds, or undefined when the text is not a positive `<digits><s|m|h|d>`. */
export function parseTimespan(text: unknown): number | undefined {
  if (typeof text !== 'string' || text.length < 2 || text.length > 10) return undefined;
  const unit = UNIT_MS[text.charAt(text.length - 1)];
  if (unit === undefined) return undefined;
  const digits = text.slice(0, -1);
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const count = Number(digits);
  return count > 0 ? count * unit : undefined;
}
