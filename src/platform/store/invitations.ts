/**
 * Workspace invitations: an owner invites an e-mail address with a role; the person using that
 * address (now or once an account is created for it) accepts — and only then becomes a member —
 * or declines. One pending invitation per (workspace, e-mail): inviting again replaces the role
 * and renews the expiry. Accepted, declined and revoked invitations are deleted (the audit log
 * keeps their history); expired ones are ignored, and deleted by `purgeExpired`.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { UniqueViolationError, isUniqueViolation } from './errors.js';
import type { Clock, Database, Role } from './schema.js';
import { inTransaction } from './transaction.js';
import { normaliseEmail } from './users.js';

/** Thrown inside `useLink`'s transaction to roll the mark back when the invitation is gone. */
class LinkGone extends Error {}

export interface Invitation {
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
}

/** An invitation with its inviter's name (null once their account is gone). */
export interface ListedInvitation extends Invitation {
  invitedByName: string | null;
}

/** An invitation as its invitee sees it. */
export interface ReceivedInvitation extends ListedInvitation {
  workspaceName: string;
}

export interface NewInvitation {
  workspaceId: string;
  email: string;
  role: Role;
  invitedBy: string;
  /** How long the invitation stays valid from now (the store's clock). */
  ttlMs: number;
}

type InvitationRow = Database['invitations'];

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** What a mailed invitation link stands for, looked up by the hash of its token. */
export type InvitationLink =
  | { readonly status: 'unknown' }
  | { readonly status: 'used' | 'expired' | 'revoked'; readonly email: string }
  | {
      readonly status: 'valid';
      readonly email: string;
      readonly expiresAt: string;
      readonly invitation: ReceivedInvitation;
    };

export type InvitationsRepository = ReturnType<typeof createInvitationsRepository>;

export function createInvitationsRepository(db: Kysely<Database>, clock: Clock) {
  const now = (): string => clock().toISOString();

  return {
    /**
     * Creates the pending invitation of `email` to the workspace, or replaces the role, inviter
     * and expiry of the one pending (an expired one is replaced as if new).
     */
    async invite(input: NewInvitation): Promise<Invitation> {
      const email = normaliseEmail(input.email);
      const created = now();
      const expires = new Date(Date.parse(created) + input.ttlMs).toISOString();
      return inTransaction(db, async (trx) => {
        const existing = await trx
          .selectFrom('invitations')
          .selectAll()
          .where('workspace_id', '=', input.workspaceId)
          .where('email', '=', email)
          .executeTakeFirst();
        const values = {
          role: input.role,
          invited_by: input.invitedBy,
          created_at: created,
          expires_at: expires,
        };
        if (existing !== undefined) {
          await trx.updateTable('invitations').set(values).where('id', '=', existing.id).execute();
          return toInvitation({ ...existing, ...values });
        }
        const row: InvitationRow = {
          id: randomUUID(),
          workspace_id: input.workspaceId,
          email,
          ...values,
        };
        try {
          await trx.insertInto('invitations').values(row).execute();
        } catch (error) {
          if (isUniqueViolation(error)) {
            throw new UniqueViolationError('This e-mail address was invited meanwhile.');
          }
          throw error;
        }
        return toInvitation(row);
      });
    },

    /** The workspace's pending (unexpired) invitations, newest first. */
    async listForWorkspace(workspaceId: string): Promise<ListedInvitation[]> {
      const rows = await db
        .selectFrom('invitations')
        .leftJoin('users', 'users.id', 'invitations.invited_by')
        .selectAll('invitations')
        .select('users.display_name as inviter_name')
        .where('invitations.workspace_id', '=', workspaceId)
        .where('invitations.expires_at', '>', now())
        .orderBy('invitations.created_at', 'desc')
        .orderBy('invitations.email')
        .execute();
      return rows.map((row) => ({ ...toInvitation(row), invitedByName: row.inviter_name }));
    },

    /** The role of the member using `email` in the workspace, if one does. */
    async memberRoleByEmail(workspaceId: string, email: string): Promise<Role | undefined> {
      const row = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select('memberships.role')
        .where('memberships.workspace_id', '=', workspaceId)
        .where('users.email', '=', normaliseEmail(email))
        .executeTakeFirst();
      return row?.role;
    },

    /** How many unexpired invitations the workspace has pending. */
    async countForWorkspace(workspaceId: string): Promise<number> {
      const row = await db
        .selectFrom('invitations')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('expires_at', '>', now())
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** The pending (unexpired) invitations addressed to `email`, with workspace and inviter. */
    async listForEmail(email: string): Promise<ReceivedInvitation[]> {
      const rows = await db
        .selectFrom('invitations')
        .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
        .leftJoin('users', 'users.id', 'invitations.invited_by')
        .selectAll('invitations')
        .select(['workspaces.name as workspace_name', 'users.display_name as inviter_name'])
        .where('invitations.email', '=', normaliseEmail(email))
        .where('invitations.expires_at', '>', now())
        .orderBy('invitations.created_at', 'desc')
        .orderBy('invitations.id')
        .execute();
      return rows.map((row) => ({
        ...toInvitation(row),
        workspaceName: row.workspace_name,
        invitedByName: row.inviter_name,
      }));
    },

    /** The pending (unexpired) invitation with this id in this workspace. */
    async getInWorkspace(workspaceId: string, id: string): Promise<Invitation | undefined> {
      const row = await db
        .selectFrom('invitations')
        .selectAll()
        .where('id', '=', id)
        .where('workspace_id', '=', workspaceId)
        .where('expires_at', '>', now())
        .executeTakeFirst();
      return row === undefined ? undefined : toInvitation(row);
    },

    /** The pending (unexpired) invitation with this id addressed to `email`. */
    async getForEmail(id: string, email: string): Promise<Invitation | undefined> {
      const row = await db
        .selectFrom('invitations')
        .selectAll()
        .where('id', '=', id)
        .where('email', '=', normaliseEmail(email))
        .where('expires_at', '>', now())
        .executeTakeFirst();
      return row === undefined ? undefined : toInvitation(row);
    },

    /** Deletes the invitation; false when it did not exist. */
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('invitations').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /**
     * Accepts the pending invitation `id` addressed to `email` on behalf of `userId`: the
     * membership is created with the invited role and the invitation deleted, together.
     * `undefined` when no such pending invitation exists (taken meanwhile, expired, or someone
     * else's); `already_member` when the user is a member already (the invitation is deleted).
     */
    async accept(
      id: string,
      email: string,
      userId: string,
    ): Promise<{ invitation: Invitation; outcome: 'joined' | 'already_member' } | undefined> {
      return inTransaction(db, async (trx) => {
        const row = await trx
          .selectFrom('invitations')
          .selectAll()
          .where('id', '=', id)
          .where('email', '=', normaliseEmail(email))
          .where('expires_at', '>', now())
          .executeTakeFirst();
        if (row === undefined) return undefined;
        const deleted = await trx.deleteFrom('invitations').where('id', '=', id).executeTakeFirst();
        if (deleted.numDeletedRows === 0n) return undefined;
        const member = await trx
          .selectFrom('memberships')
          .select('role')
          .where('workspace_id', '=', row.workspace_id)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        if (member !== undefined)
          return { invitation: toInvitation(row), outcome: 'already_member' };
        await trx
          .insertInto('memberships')
          .values({ workspace_id: row.workspace_id, user_id: userId, role: row.role })
          .execute();
        return { invitation: toInvitation(row), outcome: 'joined' };
      });
    },

    /**
     * Keeps the hash of a new single-use link to the pending invitation, valid until the
     * earlier of `ttlMs` from now and the invitation's expiry; older unused links to the same
     * invitation stop working.
     */
    async issueLink(invitation: Invitation, tokenHash: string, ttlMs: number): Promise<string> {
      const created = now();
      const linkExpiry = new Date(Date.parse(created) + ttlMs).toISOString();
      const expires = linkExpiry < invitation.expiresAt ? linkExpiry : invitation.expiresAt;
      await inTransaction(db, async (trx) => {
        await trx
          .deleteFrom('invitation_tokens')
          .where('invitation_id', '=', invitation.id)
          .where('used_at', 'is', null)
          .execute();
        await trx
          .insertInto('invitation_tokens')
          .values({
            token_hash: tokenHash,
            invitation_id: invitation.id,
            workspace_id: invitation.workspaceId,
            email: invitation.email,
            created_at: created,
            expires_at: expires,
            used_at: null,
          })
          .execute();
      });
      return expires;
    },

    /** What the link of this token hash stands for (used, expired, revoked or valid). */
    async findLink(tokenHash: string): Promise<InvitationLink> {
      const token = await db
        .selectFrom('invitation_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (token === undefined) return { status: 'unknown' };
      if (token.used_at !== null) return { status: 'used', email: token.email };
      if (token.expires_at <= now()) return { status: 'expired', email: token.email };
      const row = await db
        .selectFrom('invitations')
        .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
        .leftJoin('users', 'users.id', 'invitations.invited_by')
        .selectAll('invitations')
        .select(['workspaces.name as workspace_name', 'users.display_name as inviter_name'])
        .where('invitations.id', '=', token.invitation_id)
        .executeTakeFirst();
      if (row === undefined) return { status: 'revoked', email: token.email };
      if (row.expires_at <= now()) return { status: 'expired', email: token.email };
      return {
        status: 'valid',
        email: token.email,
        expiresAt: token.expires_at,
        invitation: {
          ...toInvitation(row),
          workspaceName: row.workspace_name,
          invitedByName: row.inviter_name,
        },
      };
    },

    /**
     * Uses the link once, for `userId` (whose address must be the invited one: the caller
     * checks): marks it used and accepts its invitation, together. `undefined` when the link is
     * no longer valid (used meanwhile, expired, revoked).
     */
    async useLink(
      tokenHash: string,
      userId: string,
    ): Promise<{ invitation: Invitation; outcome: 'joined' | 'already_member' } | undefined> {
      return inTransaction(db, async (trx) => {
        const at = now();
        const marked = await trx
          .updateTable('invitation_tokens')
          .set({ used_at: at })
          .where('token_hash', '=', tokenHash)
          .where('used_at', 'is', null)
          .where('expires_at', '>', at)
          .executeTakeFirst();
        if (marked.numUpdatedRows === 0n) return undefined;
        const token = await trx
          .selectFrom('invitation_tokens')
          .selectAll()
          .where('token_hash', '=', tokenHash)
          .executeTakeFirstOrThrow();
        const row = await trx
          .selectFrom('invitations')
          .selectAll()
          .where('id', '=', token.invitation_id)
          .where('expires_at', '>', at)
          .executeTakeFirst();
        if (row === undefined) throw new LinkGone();
        await trx.deleteFrom('invitations').where('id', '=', row.id).execute();
        const member = await trx
          .selectFrom('memberships')
          .select('role')
          .where('workspace_id', '=', row.workspace_id)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        if (member !== undefined) {
          return { invitation: toInvitation(row), outcome: 'already_member' as const };
        }
        await trx
          .insertInto('memberships')
          .values({ workspace_id: row.workspace_id, user_id: userId, role: row.role })
          .execute();
        return { invitation: toInvitation(row), outcome: 'joined' as const };
      }).catch((error: unknown) => {
        if (error instanceof LinkGone) return undefined;
        throw error;
      });
    },

    /** Deletes expired invitations; returns how many. */
    async purgeExpired(): Promise<number> {
      const result = await db
        .deleteFrom('invitations')
        .where('expires_at', '<=', now())
        .executeTakeFirst();
      // used and expired links are kept a month, so a late click still gets a clear answer
      const monthAgo = new Date(clock().getTime() - 30 * 24 * 60 * 60 * 1000).toISOString();
      await db.deleteFrom('invitation_tokens').where('expires_at', '<=', monthAgo).execute();
      return Number(result.numDeletedRows);
    },
  };
}
