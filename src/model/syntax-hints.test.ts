import { describe, expect, it } from 'vitest';
import { syntaxCause, textReadAsMapping } from './syntax-hints.js';

describe('syntaxCause', () => {
  it.each([
    ['a: Serveur : prod', 1, { kind: 'colon-in-value', fix: 'a: "Serveur : prod"' }],
    ['a: Note:', 1, { kind: 'colon-in-value', fix: 'a: "Note:"' }],
    ['- - name: x: y # c', 1, { kind: 'colon-in-value', fix: '- - name: "x: y"' }],
    ['"quoted key": a: b', 1, { kind: 'colon-in-value', fix: '"quoted key": "a: b"' }],
    ["a: it's: here", 1, { kind: 'colon-in-value', fix: 'a: "it\'s: here"' }],
    ['a: say "hi": now', 1, { kind: 'colon-in-value', fix: `a: 'say "hi": now'` }],
    ['a:\n\tb: 1', 2, { kind: 'tab-indent' }],
    ['a: *x', 1, { kind: 'reserved-start', character: '*', fix: 'a: "*x"' }],
    ['a: @x', 1, { kind: 'reserved-start', character: '@', fix: 'a: "@x"' }],
    // reported one line late
    ['a: b: c\nd: 1', 2, { kind: 'colon-in-value', fix: 'a: "b: c"' }],
  ])('%j at line %d', (text, line, cause) => {
    expect(syntaxCause(text, { line, column: 1 })).toStrictEqual(cause);
  });

  it.each([
    ['a: [b: c', 1], // flow collection: not a plain value
    ['a: "b: c', 1], // quoted
    ['a: http://example.org', 1],
    ['a: 12:30', 1],
    // an anchor on the line before the error is valid YAML, not the cause
    ['x: &a 1\ny: [1, 2', 2],
    ['', 1],
    ['a: b', 9],
  ])('finds no classic cause in %j', (text, line) => {
    expect(syntaxCause(text, { line, column: 1 })).toBeUndefined();
  });
});

describe('textReadAsMapping', () => {
  it.each([
    ['tags:\n  - Accès : VPN', 2, { kind: 'colon-in-value', fix: '- "Accès : VPN"' }],
    ['- - a: b # note', 1, { kind: 'colon-in-value', fix: '- - "a: b"' }],
  ])('%j at line %d', (text, line, cause) => {
    expect(textReadAsMapping(text, { line, column: 1 })).toStrictEqual(cause);
  });

  it.each([
    ['- "a: b"', 1],
    ['- { a: b }', 1],
    ['a: b', 1], // not a list item
    ['- a', 1],
    ['- a', 5],
  ])('finds nothing in %j', (text, line) => {
    expect(textReadAsMapping(text, { line, column: 1 })).toBeUndefined();
  });
});
