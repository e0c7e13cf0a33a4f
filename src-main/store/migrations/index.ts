import { MIGRATION_001_ACCOUNTS_STORAGE } from './001-accounts-storage';

/**
 * Every schema migration, in order. Migration `i` (0-based) takes the database from
 * `user_version = i` to `i + 1`. Append only: never edit or reorder a shipped entry.
 */
export const MIGRATIONS: readonly string[] = [MIGRATION_001_ACCOUNTS_STORAGE];
