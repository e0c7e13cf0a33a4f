import type { HistoryService } from '../../history';
import type { SettingsService } from '../../settings';
import type { Handlers } from '../dispatch';

/** What the history and settings handlers need from the core. */
export interface HistoryHandlerDeps {
  history: HistoryService;
  settings: SettingsService;
}

/**
 * `history:query`, `history:export`, `settings:get` and `settings:set`. All four read and write the
 * local database only, so they answer the same with the network off.
 */
export function historyHandlers(deps: HistoryHandlerDeps): Pick<Handlers, 'history:query' | 'history:export' | 'settings:get' | 'settings:set'> {
  return {
    'history:query': (input) => deps.history.query(input),
    'history:export': (input) => deps.history.export(input),
    'settings:get': () => deps.settings.get(),
    'settings:set': (input) => deps.settings.set(input),
  };
}
