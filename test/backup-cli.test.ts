import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstRun } from '../src/platform/bootstrap/first-run.js';
import { backupStore } from '../src/platform/backup/index.js';
import { openStore } from '../src/platform/store/index.js';
import { root, vigie } from './support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'vigie-backup-cli-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('vigie backup and vigie restore', () => {
  it('copy the platform data into an empty data directory, and refuse a non-empty one', async () => {
    const source = join(scratch, 'source');
    const seeded = await openStore({ dataDir: source });
    await firstRun(seeded, { name: 'Demo', files: { 'model.yaml': 'organisation: {}\n' } }, 'test');
    await seeded.close();

    const file = join(scratch, 'platform.vigie-backup');
    const backup = await vigie(['backup', '-o', file], { VIGIE_DATA: source });
    expect(backup.stderr).toMatch(/written: \d+ rows/);
    expect(backup.code).toBe(0);

    const target = join(scratch, 'target');
    const restore = await vigie(['restore', file], { VIGIE_DATA: target });
    expect(restore.stderr).toMatch(/rows restored/);
    expect(restore.code).toBe(0);
    const restored = await openStore({ dataDir: target });
    try {
      expect((await restored.users.list()).map((u) => u.email)).toEqual(['admin@vigie.local']);
      const workspace = (await restored.workspaces.listAll())[0];
      expect(workspace?.name).toBe('Demo');
      expect((await restored.versions.latest(workspace?.id ?? ''))?.files).toEqual({
        'model.yaml': 'organisation: {}\n',
      });
    } finally {
      await restored.close();
    }

    const again = await vigie(['restore', file], { VIGIE_DATA: target });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/restore refused/);
  });

  it('refuses a file that is not a backup, and needs -o to write one', async () => {
    const bogus = join(scratch, 'bogus');
    writeFileSync(bogus, 'not a backup');
    const out = await vigie(['restore', bogus], { VIGIE_DATA: join(scratch, 'empty') });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/restore refused/);
    expect((await vigie(['backup'], { VIGIE_DATA: join(scratch, 'empty') })).code).toBe(2);
  });

  it('ends with exit 2 on a full disk, never stalls, and leaves an existing file alone', async () => {
    // megabytes of model files: gzip's buffers fill up, and used to wait forever for a drain
    const source = join(scratch, 'large');
    const store = await openStore({ dataDir: source });
    const demo = join(root, 'examples', 'forges-de-l-est');
    const files: Record<string, string> = {};
    for (let copy = 0; copy < 40; copy++)
      for (const name of readdirSync(demo).filter((n) => n.endsWith('.yaml')))
        files[`${String(copy)}-${name}`] = readFileSync(join(demo, name), 'utf8');
    await firstRun(store, { name: 'Large', files }, 'test');
    try {
      const existing = join(scratch, 'existing.vigie-backup');
      writeFileSync(existing, 'previous backup');
      await expect(backupStore(store, existing)).rejects.toMatchObject({ code: 'EEXIST' });
      expect(readFileSync(existing, 'utf8')).toBe('previous backup');

      const refused = await vigie(['backup', '-o', existing], { VIGIE_DATA: source });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`cannot write ${existing}: the file already exists`);
      expect(readFileSync(existing, 'utf8')).toBe('previous backup');
    } finally {
      await store.close();
    }
    if (!existsSync('/dev/full')) return;
    const full = await vigie(['backup', '-o', '/dev/full'], { VIGIE_DATA: source });
    expect(full.stderr).toMatch(/cannot write \/dev\/full: no space left on the device \(ENOSPC\)/);
    expect(full.code).toBe(2);
  });
});
