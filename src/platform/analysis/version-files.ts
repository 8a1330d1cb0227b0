/**
 * A version's files as the UTF-8 bytes of their stored JSON, read without parsing them on the
 * main thread: the analysis thread parses them (a 10,000-asset model is ~9 MB of YAML, whose
 * parse and structured clone would block the event loop for hundreds of milliseconds).
 */
import { sql } from 'kysely';
import type { Store } from '../store/index.js';
import { ownedBytes } from '../threads/bytes.js';

export interface VersionFiles {
  readonly created: string;
  /** Owns its whole ArrayBuffer: it can be moved to a thread. */
  readonly filesJson: Uint8Array;
}

export async function readVersionFiles(
  store: Pick<Store, 'db' | 'dialect'>,
  workspaceId: string,
  number: number,
): Promise<VersionFiles | undefined> {
  const bytes =
    store.dialect === 'sqlite'
      ? sql<Uint8Array>`cast(files_json as blob)`
      : sql<Uint8Array>`convert_to(files_json, 'UTF8')`;
  const row = await store.db
    .selectFrom('model_versions')
    .select([bytes.as('files'), 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('number', '=', number)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return { created: row.created_at, filesJson: ownedBytes(row.files) };
}
