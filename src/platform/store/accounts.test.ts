import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SIGN_INS_PER_USER } from './sign-in-history.js';
import { STORE_DIALECTS, openClockedTestStore } from './test-support.js';
import type { ManualClock, TestStore } from './test-support.js';

describe.each(STORE_DIALECTS)(
  'accounts: disabling, one-time passwords, history, audit filters on %s',
  (dialect) => {
    let t: TestStore;
    let time: ManualClock;
    beforeEach(async () => {
      ({ time, ...t } = await openClockedTestStore(dialect));
    });
    afterEach(async () => {
      await t.dispose();
    });

    const newUser = (email: string) => ({ email, displayName: email, passwordHash: 'h' });

    it('disables and re-enables an account, keeping the first disabling time', async () => {
      const user = await t.store.users.create(newUser('a@x.org'));
      expect(user.disabledAt).toBeNull();
      const before = await t.store.users.setDisabled(user.id, true);
      expect(before?.disabledAt).toBeNull();
      const disabledAt = (await t.store.users.findById(user.id))?.disabledAt;
      expect(disabledAt).toBe('2026-01-01T00:00:00.000Z');
      time.advance(60_000);
      await t.store.users.setDisabled(user.id, true);
      expect((await t.store.users.findById(user.id))?.disabledAt).toBe(disabledAt);
      await t.store.users.setDisabled(user.id, false);
      expect((await t.store.users.findById(user.id))?.disabledAt).toBeNull();
      expect(await t.store.users.setDisabled('00000000-0000-0000-0000-000000000001', true)).toBe(
        undefined,
      );
    });

    it('marks a one-time password as to be changed, and clears the mark on a chosen one', async () => {
      const user = await t.store.users.create({ ...newUser('b@x.org'), mustChangePassword: true });
      expect(user.mustChangePassword).toBe(true);
      await t.store.users.setPassword(user.id, 'h2');
      expect((await t.store.users.findById(user.id))?.mustChangePassword).toBe(false);
      await t.store.users.setPassword(user.id, 'h3', new Date('2026-01-02T00:00:00Z'));
      const reset = await t.store.users.findById(user.id);
      expect(reset?.mustChangePassword).toBe(true);
      expect(reset?.oneTimePasswordUntil).toBe('2026-01-02T00:00:00.000Z');
    });

    it('keeps sign-ins newest first, per account or for all, bounded per account', async () => {
      const a = await t.store.users.create(newUser('a@x.org'));
      const b = await t.store.users.create(newUser('b@x.org'));
      await t.store.signIns.record({
        userId: a.id,
        ip: '10.0.0.1',
        userAgent: 'UA',
        success: true,
      });
      time.advance(1000);
      await t.store.signIns.record({
        userId: b.id,
        ip: '10.0.0.2',
        userAgent: 'x'.repeat(1000),
        success: false,
        reason: 'wrong_password',
      });
      const all = await t.store.signIns.list();
      expect(all.map((s) => s.email)).toEqual(['b@x.org', 'a@x.org']);
      expect(all[0]?.userAgent).toHaveLength(300);
      expect(all[0]?.reason).toBe('wrong_password');
      expect((await t.store.signIns.list({ userId: a.id })).map((s) => s.ip)).toEqual(['10.0.0.1']);
      expect(await t.store.signIns.list({ success: false })).toHaveLength(1);
      expect(await t.store.signIns.list({ before: all[0]?.at ?? '' })).toHaveLength(1);
      for (let i = 0; i < MAX_SIGN_INS_PER_USER + 3; i++) {
        time.advance(1000);
        await t.store.signIns.record({ userId: a.id, ip: 'ip', userAgent: 'UA', success: true });
      }
      expect(await t.store.signIns.list({ userId: a.id, limit: 500 })).toHaveLength(
        MAX_SIGN_INS_PER_USER,
      );
    }, 60_000);

    it('filters the audit log by who, what (action or family), when and entity', async () => {
      const entry = (action: string, userId: string | null, entityId: string) => ({
        workspaceId: 'w1',
        userId,
        action,
        entityKind: action.split('.')[0] ?? 'x',
        entityId,
      });
      await t.store.audit.append(entry('member.change_role', 'u1', 'm1'));
      time.advance(3_600_000);
      await t.store.audit.append(entry('member.remove', 'u2', 'm2'));
      time.advance(3_600_000);
      await t.store.audit.append(entry('model.entity.update', 'u1', 'srv-1'));
      await t.store.audit.append(entry('memberx.odd', 'u1', 'z'));
      await t.store.audit.append({ ...entry('user.disable', 'u1', 'u9'), workspaceId: null });
      const actions = async (filter: Parameters<typeof t.store.audit.list>[1]) =>
        (await t.store.audit.list('w1', filter)).entries.map((e) => e.action);
      expect(await actions({ filter: { userId: 'u1' } })).toEqual([
        'memberx.odd',
        'model.entity.update',
        'member.change_role',
      ]);
      expect(await actions({ filter: { action: 'member' } })).toEqual([
        'member.remove',
        'member.change_role',
      ]);
      expect(await actions({ filter: { action: 'member.remove' } })).toEqual(['member.remove']);
      // LIKE wildcards in the filter are literal
      expect(await actions({ filter: { action: 'member_change' } })).toEqual([]);
      expect(await actions({ filter: { entityKind: 'model', entityId: 'srv-1' } })).toEqual([
        'model.entity.update',
      ]);
      expect(
        await actions({
          filter: { from: '2026-01-01T00:30:00.000Z', to: '2026-01-01T01:30:00.000Z' },
        }),
      ).toEqual(['member.remove']);
      expect((await t.store.audit.list(null)).entries.map((e) => e.action)).toEqual([
        'user.disable',
      ]);
      expect(await t.store.audit.authors('w1')).toEqual(['u1', 'u2']);
    });
  },
);
