import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { UniqueViolationError, isUniqueViolation } from './errors.js';
import type { Clock, Database, Role, WorkspaceRow } from './schema.js';
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

export type WorkspacesRepository = ReturnType<typeof createWorkspacesRepository>;

export function createWorkspacesRepository(db: Kysely<Database>, clock: Clock) {
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

    /** Returns false when the user is not a member. */
    async changeRole(workspaceId: string, userId: string, role: Role): Promise<boolean> {
      const result = await db
        .updateTable('memberships')
        .set({ role })
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async removeMember(workspaceId: string, userId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('memberships')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
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
