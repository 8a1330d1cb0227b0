export {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  BackupError,
  MAX_LINE_BYTES,
  backupStore,
  restoreStore,
} from './backup.js';
export type { BackupErrorCode, BackupHeader, BackupSummary, RestoreLimits } from './backup.js';
