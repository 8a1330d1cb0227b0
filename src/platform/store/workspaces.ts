import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { UniqueViolationError, isUniqueViolation } from './errors.js';
import type { Clock, Database, Role, StoreDialect, WorkspaceRow } from './schema.js';
import { inTransaction } from './transaction.js';

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
}

export interface WorkspaceWithRole extends Workspace {
  role: Role;
}

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
}

function toWorkspace(row: WorkspaceRow): Workspace {
  return { id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at };
}

/** What `updateMember` did: the role the member held before, or why nothing changed. */
export type MemberUpdate =
  | { readonly outcome: 'changed'; readonly before: Role }
  | { readonly outcome: 'not_member' }
  | { readonly outcome: 'last_owner' };

export type WorkspacesRepository = ReturnType<typeof createWorkspacesRepository>;

export function createWorkspacesRepository(
  db: Kysely<Database>,
  clock: Clock,
  dialect: StoreDialect,
) {
  return {
    /** Creates the workspace and its owner's membership in one transaction. */
    async create(input: { slug: string; name: string; ownerId: string }): Promise<Workspace> {
      const row: WorkspaceRow = {
        id: randomUUID(),
        slug: input.slug,
        name: input.name,
        created_at: clock().toISOString(),
      };
      try {
        await inTransaction(db, async (trx) => {
          await trx.insertInto('workspaces').values(row).execute();
          await trx
            .insertInto('memberships')
            .values({ workspace_id: row.id, user_id: input.ownerId, role: 'owner' })
            .execute();
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new UniqueViolationError(`A workspace with slug ${row.slug} already exists.`);
        }
        throw error;
      }
      return toWorkspace(row);
    },

    async listForUser(userId: string): Promise<WorkspaceWithRole[]> {
      const rows = await db
        .selectFrom('workspaces')
        .innerJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
        .selectAll('workspaces')
        .select('memberships.role')
        .where('memberships.user_id', '=', userId)
        .orderBy('workspaces.name')
        .orderBy('workspaces.id')
        .execute();
      return rows.map((row) => ({ ...toWorkspace(row), role: row.role }));
    },

    async listAll(): Promise<Workspace[]> {
      const rows = await db.selectFrom('workspaces').selectAll().orderBy('name').execute();
      return rows.map(toWorkspace);
    },

    async getById(id: string): Promise<Workspace | undefined> {
      const row = await db
        .selectFrom('workspaces')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toWorkspace(row);
    },

    async getBySlug(slug: string): Promise<Workspace | undefined> {
      const row = await db
        .selectFrom('workspaces')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row === undefined ? undefined : toWorkspace(row);
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom('workspaces').where('id', '=', id).execute();
    },

    /** Throws UniqueViolationError when the user is already a member. */
    async addMember(workspaceId: string, userId: string, role: Role): Promise<void> {
      try {
        await db
          .insertInto('memberships')
          .values({ workspace_id: workspaceId, user_id: userId, role })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new UniqueViolationError('The user is already a member of this workspace.');
        }
        throw error;
      }
    },

    /**
     * Gives a member another role, or removes the member (`role` null), unless the workspace
     * would be left without an owner. The check and the change are one step: two owners demoting
     * each other at the same moment cannot both succeed (on PostgreSQL the workspace's row is
     * locked first, so the second waits and then counts one owner; SQLite runs one write
     * transaction at a time). Joins the caller's transaction (`store.transaction`).
     */
    async updateMember(
      workspaceId: string,
      userId: string,
      role: Role | null,
    ): Promise<MemberUpdate> {
      return inTransaction(db, async (trx) => {
        if (dialect === 'postgres') {
          await trx
            .selectFrom('workspaces')
            .select('id')
            .where('id', '=', workspaceId)
            .forUpdate()
            .execute();
        }
        const row = await trx
          .selectFrom('memberships')
          .select('role')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        const before = row?.role;
        if (before === undefined) return { outcome: 'not_member' };
        if (before === 'owner' && role !== 'owner') {
          const { owners } = await trx
            .selectFrom('memberships')
            .select((eb) => eb.fn.countAll<number | string>().as('owners'))
            .where('workspace_id', '=', workspaceId)
            .where('role', '=', 'owner')
            .executeTakeFirstOrThrow();
          if (Number(owners) <= 1) return { outcome: 'last_owner' };
        }
        if (role === null) {
          await trx
            .deleteFrom('memberships')
            .where('workspace_id', '=', workspaceId)
            .where('user_id', '=', userId)
            .execute();
        } else {
          await trx
            .updateTable('memberships')
            .set({ role })
            .where('workspace_id', '=', workspaceId)
            .where('user_id', '=', userId)
            .execute();
        }
        return { outcome: 'changed', before };
      });
    },

    async members(workspaceId: string): Promise<Member[]> {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.email', 'users.display_name', 'memberships.role'])
        .where('memberships.workspace_id', '=', workspaceId)
        .orderBy('users.email')
        .execute();
      return rows.map((r) => ({
        userId: r.id,
        email: r.email,
        displayName: r.display_name,
        role: r.role,
      }));
    },

    /** The user's role in the workspace, or undefined when not a member. */
    async roleOf(workspaceId: string, userId: string): Promise<Role | undefined> {
      const row = await db
        .selectFrom('memberships')
        .select('role')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.role;
    },
  };
}
