import { describe, expect, it } from 'vitest';
import { cell, markdownTable } from './markdown.js';

describe('Markdown tables of vigie pra', () => {
  it('keep a hostile cell on one line, its pipes escaped and its markup inert', () => {
    expect(cell('a | b\n<script>x</script> \\')).toBe(
      'a \\| b &lt;script&gt;x&lt;/script&gt; \\\\',
    );
  });

  it('write a header, a separator and one line per row', () => {
    expect(markdownTable(['A', 'B'], [['1', 'x|y']])).toBe(
      '| A | B |\n| --- | --- |\n| 1 | x\\|y |',
    );
  });
});
