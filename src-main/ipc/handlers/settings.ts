import type { SettingsService } from '../../settings';
import type { Handlers } from '../dispatch';

/** `settings:get` and `settings:set`: the operator's core settings. */
export function settingsHandlers(settings: SettingsService): Pick<Handlers, 'settings:get' | 'settings:set'> {
  return {
    'settings:get': () => settings.get(),
    'settings:set': (input) => settings.set(input),
  };
}
