import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationsFor } from '../store/migrations/index.js';
import { openStore } from '../store/store.js';
import type { StoreDialect } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { STORE_DIALECTS, openTestStore as openShared } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import {
  BACKUP_EXCLUDED_TABLES,
  BACKUP_SCHEMA,
  BACKUP_TABLES,
  BINARY_CHUNK_BYTES,
  BackupError,
  backupStore,
  restoreStore,
} from './backup.js';

/**
 * Kysely's migrator introspects every PostgreSQL schema; a schema dropped at that moment by a
 * concurrent test run makes it fail with "schema … does not exist". Retry that race only.
 */
async function openTestStore(dialect: StoreDialect): Promise<TestStore> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await openShared(dialect);
    } catch (error) {
      const race = error instanceof Error && /schema ".*" does not exist/.test(error.message);
      if (!race || attempt >= 5) throw error;
    }
  }
}

const ORDER: Record<string, readonly string[]> = Object.fromEntries(
  BACKUP_SCHEMA.map((t) => [t.name, t.key]),
);

async function dump(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of BACKUP_TABLES) {
    let query = store.db.selectFrom(table).selectAll();
    for (const column of ORDER[table] ?? []) {
      query = query.orderBy(column as never);
    }
    // Bytes compared by digest: deep equality over megabytes is slow.
    out[table] = (await query.execute()).map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [
          k,
          Buffer.isBuffer(v) ? `${v.length}:${createHash('sha256').update(v).digest('hex')}` : v,
        ]),
      ),
    );
  }
  return out;
}

async function fill(store: Store): Promise<void> {
  const alice = await store.users.create({
    email: 'alice@x.org',
    displayName: 'Alice « é »',
    passwordHash: 'h1',
  });
  const bob = await store.users.create({
    email: 'bob@x.org',
    displayName: 'Bob',
    passwordHash: 'h2',
  });
  // The legacy lockout column (unused since migration 003) still round-trips.
  await store.db.updateTable('users').set({ failed_logins: 1 }).where('id', '=', bob.id).execute();
  await store.users.setPassword(bob.id, 'h2b', new Date('2030-01-01T00:00:00.000Z'));
  await store.sessions.create({
    tokenHash: 'tok1',
    userId: alice.id,
    csrfToken: 'csrf1',
    expiresAt: new Date('2030-01-01T00:00:00.000Z'),
  });
  const ws = await store.workspaces.create({
    slug: 'forges',
    name: "Forges de l'Est",
    ownerId: alice.id,
  });
  await store.workspaces.addMember(ws.id, bob.id, 'auditor');
  await store.versions.append(ws.id, null, { 'model.yaml': 'a: 1\n' }, 'Import', alice.id);
  await store.versions.append(ws.id, 1, { 'model.yaml': 'a: 2\n✓' }, 'Edit', bob.id);
  await store.audit.append({
    workspaceId: ws.id,
    userId: alice.id,
    action: 'model.edit',
    entityKind: 'model',
    entityId: '2',
    before: { a: 1 },
    after: { a: 2 },
  });
  await store.locks.acquire('analysis', 'node-1', 60_000);
  await store.jobs.enqueue('analyse', { version: 2 });
  await store.db
    .insertInto('version_analyses')
    .values({
      workspace_id: ws.id,
      number: 2,
      locale: 'fr',
      summary_json: '{"total":3}',
      created_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  const done = await store.documents.create({
    workspaceId: ws.id,
    version: 2,
    kind: 'dat',
    format: 'pdf',
    locale: 'fr',
    createdBy: bob.id,
  });
  // Every byte value, including NUL and invalid UTF-8.
  const bytes = Buffer.from(Array.from({ length: 600 }, (_, i) => i % 256));
  await store.documents.complete(done.id, {
    fileName: 'forges-dat-v2.pdf',
    contentType: 'application/pdf',
    content: bytes,
  });
  await store.documents.create({
    workspaceId: ws.id,
    version: 1,
    kind: 'analysis',
    format: 'md',
    locale: 'en',
    createdBy: null,
  });
  await store.invitations.invite({
    workspaceId: ws.id,
    email: 'carol@x.org',
    role: 'viewer',
    invitedBy: alice.id,
    ttlMs: 14 * 24 * 60 * 60 * 1000,
  });
  await store.loginThrottle.rememberDevice('device-hash', alice.id);
  await store.loginThrottle.rememberSource(alice.id, 'ip:192.0.2.1');
  await store.findingWork.set(ws.id, 'weak-password@srv-ad', { assigneeId: bob.id }, alice.id);
  await store.findingWork.addComment({
    workspaceId: ws.id,
    findingId: 'weak-password@srv-ad',
    authorId: bob.id,
    body: 'Planned, «\u2028» done',
  });
  await store.findingWork.claimReminder(ws.id, 'weak-password@srv-ad', 'lapsed', '2026-01-01');
  // Accounts and mail (migration 006): flags, sign-in history, SMTP settings, invitation links.
  const dave = await store.users.create({
    email: 'dave@x.org',
    displayName: 'Dave',
    passwordHash: 'h3',
  });
  await store.users.setDisabled(dave.id, true);
  await store.db
    .updateTable('users')
    .set({ must_change_password: 1 })
    .where('id', '=', bob.id)
    .execute();
  await store.signIns.record({ userId: alice.id, ip: '192.0.2.1', userAgent: 'UA', success: true });
  await store.signIns.record({
    userId: bob.id,
    ip: '2001:db8::1',
    userAgent: 'UA « 2 »',
    success: false,
    reason: 'bad_password',
  });
  await store.settings.set(
    'smtp',
    { host: 'mail.x.org', port: 587, password: 'smtp-secret' },
    alice.id,
  );
  const carol = (await store.invitations.listForWorkspace(ws.id))[0];
  const invitation = await store.invitations.getInWorkspace(ws.id, carol?.id ?? '');
  if (invitation === undefined) throw new Error('invitation missing');
  await store.invitations.issueLink(invitation, 'link-hash', 60_000);
  // Sign-in throttles (migration 003): a lock under way survives a restore.
  await store.loginThrottle.writeAccount('acct-key', undefined, {
    failures: 10,
    until: '2030-01-01T00:00:00.000Z',
    lastFailureAt: '2026-01-01T00:00:00.000Z',
  });
  await store.loginThrottle.writePair('acct-key', 'ip:192.0.2.9', undefined, {
    failures: 3,
    until: null,
    lastFailureAt: '2026-01-01T00:00:00.000Z',
  });
  // Security audit campaigns and the action plan (migration 007).
  const campaign = await store.audits.campaigns.create(
    {
      workspaceId: ws.id,
      name: 'Audit « Q4 »',
      version: 1,
      vantage: null,
      scopeText: 'targets:\n  - host: 127.0.0.1\n',
      limits: null,
      networks: ['127.0.0.0/8'],
      locale: 'fr',
      createdBy: alice.id,
    },
    { kind: 'audit-campaign', payload: (campaignId) => ({ campaignId }) },
  );
  await store.audits.actions.upsertFromCampaign(ws.id, campaign.id, [
    {
      id: 'action:tls-protocol-tls10',
      check: 'tls-protocol-tls10',
      title: { en: 'TLS 1.0', fr: 'TLS 1.0' },
      remediation: { en: 'Disable it', fr: 'Le désactiver' },
      severity: 'medium',
      findings: ['tls-protocol-tls10@127.0.0.1:443'],
      entities: ['srv-web'],
      owner: null,
      ownerName: null,
      due: '2027-03-08',
      status: 'open',
    },
  ]);
}

/** Tables and columns of the live (fully migrated) schema, migrations bookkeeping aside. */
async function liveSchema(store: Store): Promise<Record<string, string[]>> {
  const rows =
    store.dialect === 'postgres'
      ? (
          await sql<{ table: string; column: string }>`select table_name as "table",
              column_name as "column" from information_schema.columns
              where table_schema = current_schema()`.execute(store.db)
        ).rows
      : (
          await sql<{ table: string; column: string }>`select m.name as "table", c.name as "column"
              from sqlite_master m join pragma_table_info(m.name) c
              where m.type = 'table' and m.name not like 'sqlite_%'`.execute(store.db)
        ).rows;
  const out: Record<string, string[]> = {};
  for (const { table, column } of rows) {
    if (table.startsWith('kysely_migration')) continue;
    (out[table] ??= []).push(column);
  }
  for (const columns of Object.values(out)) columns.sort();
  return out;
}

describe.each(STORE_DIALECTS)('backup and restore on %s', (dialect) => {
  let source: TestStore;
  let target: TestStore;
  let dir: string;
  const opened: TestStore[] = [];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-backup-'));
    source = await openTestStore(dialect);
    opened.push(source);
    target = await openTestStore(dialect);
    opened.push(target);
  });
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips every table row by row', async () => {
    await fill(source.store);
    const file = join(dir, 'b.vigie.gz');
    const summary = await backupStore(source.store, file);
    expect(summary.rows.model_versions).toBe(2);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      format: 'vigie-backup',
      version: 1,
      migrations: Object.keys(migrationsFor(dialect)),
    });
    await restoreStore(target.store, file);
    const before = await dump(source.store);
    expect(await dump(target.store)).toEqual(before);
    for (const table of BACKUP_TABLES) expect(before[table]?.length).toBeGreaterThan(0);
    // Sequences follow restored ids: a new audit entry gets a fresh id.
    const id = await target.store.audit.append({
      workspaceId: null,
      userId: null,
      action: 'restore',
      entityKind: 'platform',
      entityId: null,
      before: null,
      after: null,
    });
    expect(id).toBeGreaterThan(1);
    const [doc] = (
      await target.store.documents.list(
        (await target.store.workspaces.getBySlug('forges'))?.id ?? '',
      )
    ).filter((d) => d.status === 'done');
    const content = await target.store.documents.getContent(doc?.workspaceId ?? '', doc?.id ?? '');
    expect(content?.content).toEqual(Buffer.from(Array.from({ length: 600 }, (_, i) => i % 256)));
    expect(content?.contentType).toBe('application/pdf');
  });

  it('carries every table and column of the migrated schema (a new migration cannot be forgotten)', async () => {
    const live = Object.entries(await liveSchema(source.store)).filter(
      ([table]) => !(table in BACKUP_EXCLUDED_TABLES),
    );
    expect(live.length).toBeGreaterThan(15);
    const backedUp = Object.fromEntries(BACKUP_SCHEMA.map((t) => [t.name, [...t.columns].sort()]));
    expect(backedUp).toEqual(Object.fromEntries(live));
  });

  it('restores a backup made before migration 006 with defaults for what it lacks', async () => {
    await fill(source.store);
    const file = join(dir, 'new.gz');
    await backupStore(source.store, file);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    const newTables = ['settings', 'sign_in_history', 'invitation_tokens'];
    // The format written by Vigie before migration 006: no 006 tables, no 006 user columns.
    const header = JSON.parse(lines[0] ?? '') as { migrations: string[]; tables: string[] };
    header.migrations = header.migrations.filter((m) => m !== '006-accounts-mail');
    header.tables = header.tables.filter((t) => !newTables.includes(t));
    const body = lines
      .slice(1, -1)
      .map((l) => JSON.parse(l) as { table: string; row?: Record<string, unknown> })
      .filter((l) => !newTables.includes(l.table));
    for (const line of body) {
      if (line.table === 'users' && line.row !== undefined) {
        delete line.row.disabled_at;
        delete line.row.must_change_password;
      }
    }
    const old = [header, ...body, { end: true, rows: body.filter((l) => l.row).length }];
    const oldFile = join(dir, 'old.gz');
    writeFileSync(oldFile, gzipSync(old.map((l) => JSON.stringify(l)).join('\n')));
    await restoreStore(target.store, oldFile);
    const restored = await dump(target.store);
    const expected = await dump(source.store);
    for (const table of newTables) expect(restored[table]).toEqual([]);
    expect(restored.users).toEqual(
      (expected.users as Record<string, unknown>[]).map((u) => ({
        ...u,
        disabled_at: null,
        must_change_password: 0,
      })),
    );
    for (const table of BACKUP_TABLES) {
      if (table !== 'users' && !newTables.includes(table)) {
        expect(restored[table]).toEqual(expected[table]);
      }
    }
  });

  it('writes large document bytes as base64 continuation lines and restores them', async () => {
    await fill(source.store);
    const ws = (await source.store.workspaces.getBySlug('forges'))?.id ?? '';
    const big = randomBytes(BINARY_CHUNK_BYTES + 5);
    const doc = await source.store.documents.create({
      workspaceId: ws,
      version: 1,
      kind: 'dat',
      format: 'docx',
      locale: 'en',
      createdBy: null,
    });
    await source.store.documents.complete(doc.id, {
      fileName: 'big.docx',
      contentType: 'application/octet-stream',
      content: big,
    });
    const file = join(dir, 'big.gz');
    await backupStore(source.store, file);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    const more = lines.filter((l) => l.includes('"more":"content"'));
    expect(more).toHaveLength(1);
    await restoreStore(target.store, file);
    expect((await target.store.documents.getContent(ws, doc.id))?.content.equals(big)).toBe(true);
    expect(await dump(target.store)).toEqual(await dump(source.store));
    // A continuation line with nothing to extend, or bad base64, is refused.
    const broken = lines.map((l) => (l === more[0] ? l.replace('"data":"', '"data":"!') : l));
    writeFileSync(join(dir, 'bad64.gz'), gzipSync(broken.join('\n')));
    const empty = await openTestStore(dialect);
    opened.push(empty);
    const error: unknown = await restoreStore(empty.store, join(dir, 'bad64.gz')).catch(
      (e: unknown) => e,
    );
    expect((error as BackupError).code).toBe('backup.malformed_line');
    const orphan = [lines[0], more[0], ...lines.slice(1)];
    writeFileSync(join(dir, 'orphan.gz'), gzipSync(orphan.join('\n')));
    const error2: unknown = await restoreStore(empty.store, join(dir, 'orphan.gz')).catch(
      (e: unknown) => e,
    );
    expect((error2 as BackupError).code).toBe('backup.malformed_line');
    expect((error2 as BackupError).line).toBe(2);
  });

  it('never overwrites an existing file', async () => {
    const file = join(dir, 'exists.gz');
    writeFileSync(file, 'keep me');
    await expect(backupStore(source.store, file)).rejects.toThrow(/EEXIST/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('refuses a non-empty target and changes nothing', async () => {
    await fill(source.store);
    const file = join(dir, 'b.gz');
    await backupStore(source.store, file);
    await target.store.users.create({ email: 'z@x.org', displayName: 'Z', passwordHash: 'h' });
    const before = await dump(target.store);
    const error: unknown = await restoreStore(target.store, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('backup.target_not_empty');
    expect((error as BackupError).localized.fr).toContain('vide');
    expect(await dump(target.store)).toEqual(before);
  });

  it('refuses truncated, corrupt, foreign and newer files with nothing written', async () => {
    await fill(source.store);
    const file = join(dir, 'b.gz');
    await backupStore(source.store, file);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const lines = text.trim().split('\n');
    const empty = await dump(target.store);
    const attempt = async (name: string, content: Buffer): Promise<BackupError> => {
      const path = join(dir, name);
      writeFileSync(path, content);
      const error: unknown = await restoreStore(target.store, path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect(await dump(target.store)).toEqual(empty);
      return error as BackupError;
    };
    const raw = readFileSync(file);
    expect((await attempt('cut.gz', raw.subarray(0, raw.length - 20))).code).toBe('backup.corrupt');
    expect((await attempt('plain.gz', Buffer.from(text))).code).toBe('backup.corrupt');
    const noEnd = lines.slice(0, -1).join('\n') + '\n';
    expect((await attempt('noend.gz', gzipSync(noEnd))).code).toBe('backup.truncated');
    const bad = [...lines];
    bad[3] = '{"table":"users","row":';
    const malformed = await attempt('bad.gz', gzipSync(bad.join('\n')));
    expect(malformed.code).toBe('backup.malformed_line');
    expect(malformed.line).toBe(4);
    const column = [...lines];
    column[2] = JSON.stringify({ table: 'users', row: { id: 'x', 'evil"; drop': 1 } });
    expect((await attempt('col.gz', gzipSync(column.join('\n')))).line).toBe(3);
    expect((await attempt('other.gz', gzipSync('{"hello":1}\n'))).code).toBe('backup.not_a_backup');
    const header = JSON.parse(lines[0] ?? '') as { migrations: string[] };
    header.migrations.push('999-future');
    const newer = [JSON.stringify(header), ...lines.slice(1)].join('\n');
    const error = await attempt('newer.gz', gzipSync(newer));
    expect(error.code).toBe('backup.newer_schema');
    expect(error.localized.en).toContain('999-future');
  });

  it('refuses overlong lines and gzip bombs', async () => {
    const header = JSON.stringify({
      format: 'vigie-backup',
      version: 1,
      createdAt: 'x',
      migrations: [],
      tables: ['users'],
    });
    const long = `${header}\n${'x'.repeat(17 * 1024 * 1024)}\n`;
    const path = join(dir, 'long.gz');
    writeFileSync(path, gzipSync(long));
    const error: unknown = await restoreStore(target.store, path, { slackBytes: 0 }).catch(
      (e: unknown) => e,
    );
    expect((error as BackupError).code).toBe('backup.too_large');
    // Within the ratio guard, a line over 16 MB is refused with its line number.
    const noisy = Buffer.alloc(17 * 1024 * 1024);
    for (let i = 0; i < noisy.length; i += 1) noisy[i] = 97 + ((i * 7919) % 26);
    writeFileSync(path, gzipSync(Buffer.concat([Buffer.from(`${header}\n`), noisy])));
    const error2: unknown = await restoreStore(target.store, path).catch((e: unknown) => e);
    expect((error2 as BackupError).code).toBe('backup.line_too_long');
    expect((error2 as BackupError).line).toBe(2);
  });

  it('takes a consistent backup while versions are appended concurrently', async () => {
    await fill(source.store);
    const ws = (await source.store.workspaces.getBySlug('forges'))?.id ?? '';
    // Enough rows that the backup reads several pages while the writes go on.
    for (let page = 0; page < 3; page += 1) {
      await source.store.db
        .insertInto('audit_log')
        .values(
          Array.from({ length: 500 }, (_, i) => ({
            workspace_id: ws,
            user_id: null,
            at: '2026-01-01T00:00:00.000Z',
            action: `filler.${page}.${i}`,
            entity_kind: 'model',
            entity_id: null,
            before_json: null,
            after_json: null,
          })),
        )
        .execute();
    }
    // SQLite: a second connection to the same file, like another process.
    const writer =
      dialect === 'sqlite' ? await openStore({ ...source.config, migrate: false }) : source.store;
    try {
      const writes = (async () => {
        for (let n = 3; n < 40; n += 1) {
          await writer.versions.append(ws, n - 1, { 'model.yaml': `n: ${n}\n` }, `v${n}`, null);
          await writer.audit.append({
            workspaceId: ws,
            userId: null,
            action: `v${n}`,
            entityKind: 'model',
            entityId: String(n),
            before: null,
            after: null,
          });
        }
      })();
      const file = join(dir, 'live.gz');
      await Promise.all([backupStore(source.store, file), writes]);
      await restoreStore(target.store, file);
      const restored = await dump(target.store);
      const versions = restored.model_versions as { number: number }[];
      // Versions form an unbroken sequence 1..k, and k is between before and after the writes.
      expect(versions.map((v) => v.number)).toEqual(versions.map((_, i) => i + 1));
      expect(versions.length).toBeGreaterThanOrEqual(2);
      expect(versions.length).toBeLessThanOrEqual(39);
      // One snapshot: version n is written before its audit entry, so the backup holds the
      // audit entries of versions 3..k, or of 3..k-1 if it was taken between the two writes.
      const k = versions.length;
      const audited = (restored.audit_log as { action: string }[]).filter((a) =>
        /^v\d+$/.test(a.action),
      ).length;
      expect(k <= 2 ? [0] : [k - 2, k - 3]).toContain(audited);
      const workspaceIds = new Set((restored.workspaces as { id: string }[]).map((w) => w.id));
      for (const table of ['memberships', 'model_versions'] as const) {
        for (const row of restored[table] as { workspace_id: string }[]) {
          expect(workspaceIds.has(row.workspace_id)).toBe(true);
        }
      }
    } finally {
      if (writer !== source.store) await writer.close();
    }
  });
});

describe('cross-dialect restore', () => {
  it('restores a SQLite backup into PostgreSQL and back', async () => {
    const lite = await openTestStore('sqlite');
    const pgStore = await openTestStore('postgres');
    const lite2 = await openTestStore('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'vigie-backup-'));
    try {
      await fill(lite.store);
      await backupStore(lite.store, join(dir, 'a.gz'));
      await restoreStore(pgStore.store, join(dir, 'a.gz'));
      const expected = await dump(lite.store);
      expect(await dump(pgStore.store)).toEqual(expected);
      await backupStore(pgStore.store, join(dir, 'b.gz'));
      await restoreStore(lite2.store, join(dir, 'b.gz'));
      expect(await dump(lite2.store)).toEqual(expected);
    } finally {
      await lite.dispose();
      await pgStore.dispose();
      await lite2.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a restore into a full SQLite database', () => {
  it('fails with SQLITE_FULL (not the failed ROLLBACK), keeps nothing, then restores', async () => {
    const source = await openTestStore('sqlite');
    const target = await openTestStore('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'vigie-backup-'));
    try {
      // One row large enough to need new pages: SQLite then rolls the whole transaction back.
      await source.store.users.create({
        email: 'big@x.org',
        displayName: 'x'.repeat(200_000),
        passwordHash: 'h',
      });
      const file = join(dir, 'a.gz');
      await backupStore(source.store, file);
      const pages = await sql<{ page_count: number }>`pragma page_count`.execute(target.store.db);
      // No page may be added: the database is "full" as on a full disk.
      await sql
        .raw(`pragma max_page_count = ${String(pages.rows[0]?.page_count ?? 0)}`)
        .execute(target.store.db);
      const error: unknown = await restoreStore(target.store, file).catch((e: unknown) => e);
      expect((error as { code?: string }).code, String(error)).toBe('SQLITE_FULL');
      expect(await target.store.users.list()).toEqual([]);
      await sql.raw('pragma max_page_count = 1073741823').execute(target.store.db);
      await restoreStore(target.store, file);
      expect(await dump(target.store)).toEqual(await dump(source.store));
    } finally {
      await source.dispose();
      await target.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
