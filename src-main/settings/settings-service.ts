import { CoreSettingsSchema, type CoreSettings } from '@contract';
import { parseOrFail } from '../errors/validation';
import type { Logger } from '../logging/logger';
import type { SettingsRepo } from '../store/settings-repo';

/** The `settings` row that holds {@link CoreSettings} as one JSON object. */
export const CORE_SETTINGS_KEY = 'core.settings';

/** What a fresh install uses: keep history forever, poll at the normal pace, no callback receiver. */
export const DEFAULT_CORE_SETTINGS: CoreSettings = Object.freeze({
  retentionDays: null,
  polling: 'normal',
  callbacks: Object.freeze({ enabled: false, port: 0 }),
});

/** Called after a change is stored, with the settings before and after. */
export type SettingsListener = (next: CoreSettings, previous: CoreSettings) => void;

/** The operator's core settings: read by the scheduler, the callback receiver and retention. */
export interface SettingsService {
  /** The current settings (a copy; defaults for anything never set). */
  get(): CoreSettings;
  /**
   * Merges `patch` (top-level keys; `callbacks` is replaced whole), validates the result against the
   * contract schema, stores it and tells subscribers when something changed. Throws `VALIDATION`.
   */
  set(patch: Partial<CoreSettings>): CoreSettings;
  /** Listens to changes; returns the unsubscribe function. */
  subscribe(listener: SettingsListener): () => void;
}

/** Builds the settings service over the `settings` table. */
export function createSettingsService(deps: { repo: SettingsRepo; log: Logger }): SettingsService {
  let current = load(deps.repo, deps.log);
  const listeners = new Set<SettingsListener>();
  return {
    get: () => structuredClone(current),
    set(patch) {
      const next = parseOrFail(CoreSettingsSchema.strict(), { ...current, ...patch });
      const previous = current;
      if (JSON.stringify(next) === JSON.stringify(previous)) return structuredClone(next);
      deps.repo.set(CORE_SETTINGS_KEY, JSON.stringify(next));
      current = next;
      for (const listener of listeners) {
        try {
          listener(structuredClone(next), structuredClone(previous));
        } catch (e) {
          deps.log.error('settings.listener', { error: e instanceof Error ? e.message : String(e) });
        }
      }
      return structuredClone(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Reads the stored object field by field: a field that no longer validates (hand-edited file, a
 * value from another version) falls back to its default without resetting the others.
 */
function load(repo: SettingsRepo, log: Logger): CoreSettings {
  const text = repo.get(CORE_SETTINGS_KEY);
  if (text === null) return structuredClone(DEFAULT_CORE_SETTINGS);
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>;
  } catch {
    log.warn('settings.unreadable', { key: CORE_SETTINGS_KEY });
  }
  const shape = CoreSettingsSchema.shape;
  const field = <K extends keyof CoreSettings>(key: K): CoreSettings[K] => {
    const parsed = shape[key].safeParse(stored[key]);
    if (parsed.success) return parsed.data as CoreSettings[K];
    if (key in stored) log.warn('settings.field-reset', { field: key });
    return structuredClone(DEFAULT_CORE_SETTINGS[key]);
  };
  return { retentionDays: field('retentionDays'), polling: field('polling'), callbacks: field('callbacks') };
}
