import { randomBytes } from 'node:crypto';

/**
 * A globally unique id for a timeline row or an exchange, as 32 hex digits: the time in milliseconds
 * (12 digits), then 80 random bits. Being time-ordered, new ids land at the end of the unique index on
 * `uid`, so an insert into a table of a million rows touches the index's last pages instead of a random
 * one. Migration 007 writes the same form in SQL for rows written without one.
 */
export function newRowUid(now: number = Date.now()): string {
  return now.toString(16).padStart(12, '0') + randomBytes(10).toString('hex');
}
