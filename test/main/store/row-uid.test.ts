import { describe, expect, it } from 'vitest';
import { newRowUid } from '../../../src-main/store/row-uid';
import { openDatabase } from '../../../src-main/store/db';

describe('row uids', () => {
  it('sort by the time they were made, in the same form migration 007’s triggers write for a row stored without one, and never repeat', () => {
    const made = [newRowUid(1_700_000_000_000), newRowUid(1_700_000_000_001), newRowUid(1_800_000_000_000)];
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO exchanges (task_id, at, vendor, action, request_json, duration_ms) VALUES (NULL, 1700000000000, 'zego', 'ping', '{}', 5)").run();
    const sql = (db.prepare('SELECT uid FROM exchanges').get() as { uid: string }).uid;
    db.close();
    const many = new Set(Array.from({ length: 10_000 }, () => newRowUid(1_700_000_000_000)));
    expect({ sorted: [...made].sort(), shape: made.every((u) => /^[0-9a-f]{32}$/.test(u)), sameForm: sql.slice(0, 12) === made[0]!.slice(0, 12) && sql.length === 32, distinct: many.size }).toEqual({
      sorted: made,
      shape: true,
      sameForm: true,
      distinct: 10_000,
    });
  });
});
