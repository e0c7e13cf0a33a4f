/**
 * Channel names, and nothing else: the preload builds `window.api` from these lists, so it needs no
 * schema library in its sandboxed bundle. `channels.ts` maps each name to its schemas and the type
 * checker keeps the two in step.
 */

/** Renderer → core request/response channels, `<domain>:<verb>`. */
export const INVOKE_CHANNELS = [
  'app:info',
  'app:ping',
  'accounts:list',
  'accounts:create',
  'accounts:update',
  'accounts:delete',
  'accounts:test',
  'accounts:export',
  'accounts:import',
  'storage:list',
  'storage:create',
  'storage:update',
  'storage:delete',
  'secrets:set',
  'secrets:clear',
  'secrets:status',
  'vendors:list',
  'tasks:start',
  'tasks:stop',
  'tasks:pause',
  'tasks:resume',
  'tasks:updateLayout',
  'tasks:updateWhiteboard',
  'tasks:snapshot',
  'tasks:refresh',
  'tasks:active',
  'tasks:get',
  'tasks:preview',
  'tasks:signedCurl',
  'tasks:importLegacy',
  'tasks:watch',
  'foreign:list',
  'foreign:adopt',
  'foreign:dismiss',
  'presets:list',
  'presets:save',
  'presets:delete',
  'history:query',
  'history:export',
  'history:exportCancel',
  'history:exportDownload',
  'settings:get',
  'settings:set',
  'scheduler:status',
  'callbacks:status',
  'sandbox:control',
  'team:status',
  'team:test',
  'team:join',
  'team:leave',
  'team:setDeskName',
] as const;

/** Core → renderer event channels, `<domain>:<pastTense>`. */
export const EVENT_CHANNELS = [
  'app:pinged',
  'app:keychainChanged',
  'accounts:changed',
  'tasks:changed',
  'tasks:alerted',
  'foreign:changed',
  'history:exportChanged',
  'scheduler:changed',
  'team:changed',
] as const;

/** One of {@link INVOKE_CHANNELS}. */
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
/** One of {@link EVENT_CHANNELS}. */
export type EventChannel = (typeof EVENT_CHANNELS)[number];

/** Narrows an arbitrary string to an invoke channel name. */
export function isInvokeChannel(name: string): name is InvokeChannel {
  return (INVOKE_CHANNELS as readonly string[]).includes(name);
}

/** Narrows an arbitrary string to an event channel name. */
export function isEventChannel(name: string): name is EventChannel {
  return (EVENT_CHANNELS as readonly string[]).includes(name);
}

/** Prefix of every Electron IPC channel, so RecDeck's channels never collide with Electron's own. */
export const IPC_PREFIX = 'recdeck:';
