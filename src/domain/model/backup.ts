import { z } from 'zod';
import { dateSchema, durationSchema, entityBase, refListSchema, refSchema } from './common.js';

export const RESTORE_RESULTS = ['success', 'partial', 'failure'] as const;

/**
 * How copies are made: a backup keeps past versions; a snapshot keeps versions on the same storage;
 * replication and synchronisation copy the current state (and so a deletion or an encryption) to
 * another place, which is continuity, not a backup.
 */
export const BACKUP_METHODS = ['backup', 'snapshot', 'replication', 'sync'] as const;
export type BackupMethod = (typeof BACKUP_METHODS)[number];

export const backupSchema = z.strictObject({
  ...entityBase,
  method: z.enum(BACKUP_METHODS).optional().meta({
    description:
      'backup (default: versions kept), snapshot, replication or sync (copy the current state, deletions and encryption included).',
  }),
  protects: refListSchema.min(1).meta({ description: 'Assets or data sets backed up.' }),
  target: refSchema.optional().meta({ description: 'Asset the copies are stored on.' }),
  site: refSchema.optional(),
  zone: refSchema.optional(),
  provider: z.string().max(200).optional().meta({ description: 'External or cloud provider.' }),
  frequency: durationSchema.optional(),
  retention: durationSchema.optional(),
  copies: z.int().min(1).optional(),
  offline: z.boolean().optional(),
  immutable: z.boolean().optional(),
  encrypted: z.boolean().optional(),
  lastRestoreTest: z
    .strictObject({
      date: dateSchema,
      result: z.enum(RESTORE_RESULTS),
      notes: z.string().max(2000).optional(),
    })
    .optional(),
});
export type Backup = z.infer<typeof backupSchema>;
