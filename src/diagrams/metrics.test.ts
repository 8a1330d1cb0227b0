import { describe, expect, it } from 'vitest';
import { fitText, textWidth, wrapText } from './metrics.js';

describe('textWidth', () => {
  it('reads DejaVu Sans advances: wider for W than i, for bold, for larger sizes', () => {
    expect(textWidth('W', 10)).toBeGreaterThan(textWidth('i', 10));
    expect(textWidth('Serveur', 10, 'bold')).toBeGreaterThan(textWidth('Serveur', 10));
    expect(textWidth('abc', 20)).toBeCloseTo(2 * textWidth('abc', 10), 6);
    // DejaVu Sans: "M" is 1767 units of 2048
    expect(textWidth('M', 2048)).toBe(1767);
  });
});

describe('fitText', () => {
  it('keeps a text that fits, cuts one that does not with an ellipsis', () => {
    expect(fitText('Serveur', 200, 10)).toBe('Serveur');
    const cut = fitText('Serveur de fichiers du siège', 60, 10);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 10)).toBeLessThanOrEqual(60);
  });
});

describe('wrapText', () => {
  it('wraps on words within the width and the line count', () => {
    const lines = wrapText('Serveur de fichiers du siège de Nancy', 80, 10, 2);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(80);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(wrapText('court', 80, 10, 2)).toEqual(['court']);
  });

  it('cuts a word longer than a line', () => {
    const [line] = wrapText('Anticonstitutionnellement', 50, 10, 1);
    expect(line?.endsWith('…')).toBe(true);
    expect(textWidth(line ?? '', 10)).toBeLessThanOrEqual(50);
  });
});
