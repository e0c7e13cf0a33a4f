import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreSettings } from '@contract';
import { CORE_SETTINGS_KEY, DEFAULT_CORE_SETTINGS, createSettingsService, type SettingsService } from '../../../src-main/settings';
import { openDatabase } from '../../../src-main/store/db';
import { SettingsRepo } from '../../../src-main/store/settings-repo';
import { capturingLogger, tempDir } from '../support';

let tmp: ReturnType<typeof tempDir>;
let file: string;
let db: DatabaseSync;
let logged: string[];

function open(): SettingsService {
  if (db?.isOpen) db.close();
  db = openDatabase(file);
  const { log, lines } = capturingLogger();
  logged = lines;
  return createSettingsService({ repo: new SettingsRepo(db), log });
}

beforeEach(() => {
  tmp = tempDir('recdeck-settings-');
  file = join(tmp.dir, 'recdeck.sqlite');
});
afterEach(() => {
  if (db.isOpen) db.close();
  tmp.cleanup();
});

const failureOf = (fn: () => unknown): { code: string; details?: Record<string, unknown> } => {
  try {
    fn();
  } catch (e) {
    return (e as { toAppError(): { code: string; details?: Record<string, unknown> } }).toAppError();
  }
  throw new Error('expected a failure');
};

describe('settings service', () => {
  it('starts from the defaults: keep history forever, normal polling, callbacks off', () => {
    const settings = open();
    expect(settings.get()).toEqual({ retentionDays: null, polling: 'normal', callbacks: { enabled: false, port: 0 } });
    expect(new SettingsRepo(db).get(CORE_SETTINGS_KEY)).toBeNull();
  });

  it('merges a change, stores it under one key and keeps it across a reopen', () => {
    const first = open();
    expect(first.set({ retentionDays: 90 })).toEqual({ ...DEFAULT_CORE_SETTINGS, retentionDays: 90 });
    first.set({ polling: 'gentle', callbacks: { enabled: true, port: 8123 } });
    const second = open();
    const expected: CoreSettings = { retentionDays: 90, polling: 'gentle', callbacks: { enabled: true, port: 8123 } };
    expect(second.get()).toEqual(expected);
    expect(JSON.parse(new SettingsRepo(db).get(CORE_SETTINGS_KEY) ?? 'null')).toEqual(expected);
    second.set({ retentionDays: null });
    expect(open().get().retentionDays).toBeNull();
  });

  it('rejects values outside the contract with VALIDATION naming the field and keeps the stored value', () => {
    const settings = open();
    settings.set({ retentionDays: 30 });
    for (const bad of [{ retentionDays: 0 }, { retentionDays: 3651 }, { retentionDays: 1.5 }, { polling: 'fast' }, { callbacks: { enabled: true, port: 70000 } }, { extra: 1 }]) {
      const failure = failureOf(() => settings.set(bad as Partial<CoreSettings>));
      expect(failure.code).toBe('VALIDATION');
      expect(Object.keys((failure.details as { fields: Record<string, unknown> }).fields).length).toBeGreaterThan(0);
    }
    expect(open().get()).toEqual({ ...DEFAULT_CORE_SETTINGS, retentionDays: 30 });
  });

  it('hands out copies, so a caller cannot change the settings by mutating what it got', () => {
    const settings = open();
    const got = settings.get();
    got.callbacks.enabled = true;
    expect(settings.get().callbacks.enabled).toBe(false);
  });

  it('tells subscribers about real changes only, with the previous value, until they unsubscribe', () => {
    const settings = open();
    const seen: Array<[CoreSettings, CoreSettings]> = [];
    const off = settings.subscribe((next, previous) => seen.push([next, previous]));
    settings.set({ polling: 'gentle' });
    settings.set({ polling: 'gentle' });
    off();
    settings.set({ polling: 'normal' });
    expect(seen).toEqual([[{ ...DEFAULT_CORE_SETTINGS, polling: 'gentle' }, DEFAULT_CORE_SETTINGS]]);
  });

  it('stores the change even when a subscriber throws, and logs it', () => {
    const settings = open();
    settings.subscribe(() => {
      throw new Error('boom');
    });
    expect(settings.set({ retentionDays: 7 }).retentionDays).toBe(7);
    expect(logged.some((l) => l.includes('settings.listener'))).toBe(true);
    expect(open().get().retentionDays).toBe(7);
  });

  it('falls back field by field when the stored value is damaged', () => {
    open();
    new SettingsRepo(db).set(CORE_SETTINGS_KEY, JSON.stringify({ retentionDays: -4, polling: 'gentle', callbacks: 'yes' }));
    expect(open().get()).toEqual({ retentionDays: null, polling: 'gentle', callbacks: { enabled: false, port: 0 } });
    expect(logged.filter((l) => l.includes('settings.field-reset'))).toHaveLength(2);
    new SettingsRepo(db).set(CORE_SETTINGS_KEY, '{not json');
    expect(open().get()).toEqual(DEFAULT_CORE_SETTINGS);
  });
});
