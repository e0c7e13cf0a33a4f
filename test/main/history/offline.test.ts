import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvokeChannel, OutputOf, Result } from '@contract';
import { createAccountServices, type AccountServices } from '../../../src-main/accounts';
import { readFileSync } from 'node:fs';
import { EXPORT_DOWNLOAD_PREFIX } from '../../../src-main/history';
import { createDispatch, type Dispatch, type Handlers } from '../../../src-main/ipc/dispatch';
import { historyHandlers } from '../../../src-main/ipc/handlers/history';
import { settingsHandlers } from '../../../src-main/ipc/handlers/settings';
import { startInProcessSandbox } from '../../../src-main/emulator/in-process';
import { createVault } from '../../../src-main/secrets/vault';
import { createSettingsService } from '../../../src-main/settings';
import { SettingsRepo } from '../../../src-main/store/settings-repo';
import { capturingLogger } from '../support';
import { finished, historyOf, openLedger, seedTask, T0 } from './fixtures';

let ledger: ReturnType<typeof openLedger>;
let services: AccountServices;
let dispatch: Dispatch;
let secrets: string[];
let history: ReturnType<typeof historyOf>;

const call = async <C extends InvokeChannel>(channel: C, input: unknown): Promise<OutputOf<C>> => {
  const result = (await dispatch(channel, input, { host: 'web', trusted: true, senderId: 'test' })) as Result<OutputOf<C>>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};

beforeEach(async () => {
  ledger = openLedger();
  const { log } = capturingLogger();
  const repo = new SettingsRepo(ledger.db);
  services = createAccountServices({ db: ledger.db, vault: await createVault({ log, env: { RECDECK_KEYCHAIN: 'session' } }), log });
  const sandbox = await startInProcessSandbox({ services, settings: repo, log });
  secrets = [];
  const accounts = await services.accounts.list();
  for (const account of accounts) {
    const creds = await services.accounts.getAccountCredentials(account.id, { require: [] });
    secrets.push(...Object.values(creds.secrets).filter((v): v is string => typeof v === 'string' && v.length >= 6));
  }
  const targets = await services.storage.list();
  for (const target of targets) {
    const send = await services.storage.getStorageForSend(target.id);
    secrets.push(...Object.values(send.keys).filter((v): v is string => typeof v === 'string' && v.length >= 6));
  }
  accounts.forEach((account, i) =>
    seedTask(ledger.db, {
      id: `task-${i}`,
      vendor: account.vendor,
      accountId: account.id,
      accountName: account.name,
      roomId: `room-${i}`,
      storageTargetId: targets[0]?.id ?? null,
      request: { storageTargetId: targets[0]?.id ?? null, callbackUrl: 'https://hooks.example/recdeck' },
      createdAt: T0 + i,
      files: [{ fileId: `room-${i}/a.mp4`, url: `https://bucket.example/room-${i}/a.mp4` }],
    }),
  );
  await sandbox.close();
  history = historyOf(ledger, Date.now);
  const handlers = { ...historyHandlers(history), ...settingsHandlers(createSettingsService({ repo, log })) };
  dispatch = createDispatch(handlers as unknown as Handlers, log);
});

afterEach(() => ledger.cleanup());

describe('history and settings with the Sandbox closed', () => {
  it('query, search, export and settings answer from the local database', async () => {
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    const page = await call('history:query', {});
    expect(page.total).toBe(3);
    expect((await call('history:query', { text: 'room-1' })).rows.map((r) => r.id)).toEqual(['task-1']);
    expect((await call('history:query', { vendors: ['zego'] })).total).toBe(1);
    const settings = await call('settings:set', { retentionDays: 30 });
    expect(settings.retentionDays).toBe(30);
    expect((await call('settings:get', {})).retentionDays).toBe(30);

    for (const format of ['csv', 'json'] as const) {
      const job = await finished(history, (await call('history:export', { format })).id);
      expect([job.state, job.rows]).toEqual(['done', 3]);
      const { url } = await call('history:exportDownload', { id: job.id });
      const content = readFileSync(history.takeDownload(url.slice(EXPORT_DOWNLOAD_PREFIX.length))!.path, 'utf8');
      for (const secret of secrets) expect(content.includes(secret), `${format} export leaks a secret`).toBe(false);
      expect(content).toContain('https://bucket.example/room-0/a.mp4');
    }
  });

  it('rejects a malformed query at the boundary without touching the database', async () => {
    const result = await dispatch('history:query', { limit: 10_000 }, { host: 'web', trusted: true, senderId: 'test' });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('INVALID_INPUT');
  });
});
