import { MIGRATION_001_ACCOUNTS_STORAGE } from './001-accounts-storage';
import { MIGRATION_002_TASKS } from './002-tasks';
import { MIGRATION_003_HISTORY_INDEXES } from './003-history-indexes';
import { MIGRATION_004_EVENT_MESSAGES } from './004-event-messages';
import { MIGRATION_005_FOREIGN_TASKS } from './005-foreign-tasks';
import { MIGRATION_006_CALLBACKS } from './006-callbacks';
import { MIGRATION_007_TEAM } from './007-team';

/**
 * Every schema migration, in order. Migration `i` (0-based) takes the database from
 * `user_version = i` to `i + 1`. Append only: never edit or reorder a shipped entry.
 */
export const MIGRATIONS: readonly string[] = [
  MIGRATION_001_ACCOUNTS_STORAGE,
  MIGRATION_002_TASKS,
  MIGRATION_003_HISTORY_INDEXES,
  MIGRATION_004_EVENT_MESSAGES,
  MIGRATION_005_FOREIGN_TASKS,
  MIGRATION_006_CALLBACKS,
  MIGRATION_007_TEAM,
];
