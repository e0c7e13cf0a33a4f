import type { CallbackReplays } from './receiver';

/** Replay records of this process only, at most `limit` of them (the oldest are forgotten first). */
export function memoryReplays(limit = 10_000): CallbackReplays {
  const records = new Map<string, { bodyHash: string; expiresAt: number }>();
  return {
    claim(accountId, token, bodyHash, expiresAt, now) {
      const key = `${accountId}\n${token}`;
      const known = records.get(key);
      if (known && known.expiresAt >= now) return known.bodyHash === bodyHash ? 'same' : 'other';
      records.set(key, { bodyHash, expiresAt });
      while (records.size > limit) {
        const oldest = records.keys().next();
        if (oldest.done) break;
        records.delete(oldest.value);
      }
      return 'new';
    },
  };
}
