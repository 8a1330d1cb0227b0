import { describe, expect, it } from 'vitest';
import { vigie } from './support/cli.js';

describe('vigie serve', () => {
  it('refuses a bad port with exit 2, and says why a store cannot open', async () => {
    const port = await vigie(['serve', '--port', '99999']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port expects a whole number');
    const store = await vigie(['serve', '--port', '0'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
    });
    expect(store.code).toBe(2);
    expect(store.stderr).toMatch(/cannot start/);
    expect(store.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
