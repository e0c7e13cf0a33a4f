export { CORE_SETTINGS_KEY, DEFAULT_CORE_SETTINGS, createSettingsService, type SettingsListener, type SettingsService } from './settings-service';
