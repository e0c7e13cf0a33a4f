import type { AccountHealth, AppError, Capabilities, MixSettings, SchedulerStatus, TaskAlert, TaskSummary, VendorId } from '@contract';
import { alertAbout } from '@contract/messages';
import { OPEN_TASK_STATES } from '@contract/task-states';
import { createDiscreteApi, darkTheme, NButton, type NotificationApi } from 'naive-ui';
import { defineStore } from 'pinia';
import { computed, h, ref, shallowRef, triggerRef } from 'vue';
import { call, hostKind, on } from '../../../bridge';
import { i18n } from '../../../i18n';
import { localize } from '../../../ui/use-localized';
import { useSettingsStore } from '../../settings/stores/settings';
import { VENDOR_DESCRIPTORS } from '../../../vendors/descriptors';

/** An alert as the in-app list keeps it. */
export interface AlertEntry extends TaskAlert {
  seq: number;
  read: boolean;
}

/** How long an ended task stays on the Live view, so the operator sees how it ended. */
const KEEP_ENDED_MS = 15 * 60_000;
const MAX_ALERTS = 200;

/** Whether the browser can show desktop notifications, and whether the operator allowed them. */
/** What an operator does to a running task from Live or its detail. */
export type TaskAction = 'stop' | 'pause' | 'resume' | 'refresh';

export type NotifyPermission = 'unsupported' | 'default' | 'granted' | 'denied' | 'native';

function initialPermission(): NotifyPermission {
  if (hostKind === 'electron') return 'native';
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission;
}

/**
 * Live tasks keyed by id (from `tasks:active` and the batched `tasks:changed`), vendors'
 * capabilities, how each account's status reads fare and the alerts the core raised.
 */
export const useTasksStore = defineStore('tasks', () => {
  const byId = shallowRef(new Map<string, TaskSummary>());
  const scheduler = ref<SchedulerStatus | null>(null);
  const alerts = ref<AlertEntry[]>([]);
  const loaded = ref(false);
  const error = ref<AppError | null>(null);
  const permission = ref<NotifyPermission>(initialPermission());
  const busy = ref<Record<string, string>>({});
  /** The last failed action per task, shown beside its buttons until it succeeds or the operator closes it. */
  const failures = ref<Record<string, { action: TaskAction; error: AppError }>>({});
  let seq = 0;

  const capabilities = Object.fromEntries(VENDOR_DESCRIPTORS.map((v) => [v.id, v.capabilities])) as Record<VendorId, Capabilities>;

  /** Running tasks first by start, then the recently ended ones. */
  const active = computed(() => [...byId.value.values()].filter((t) => OPEN_TASK_STATES.includes(t.state)).sort((a, b) => a.createdAt - b.createdAt));
  const recentlyEnded = computed(() => {
    const cutoff = Date.now() - KEEP_ENDED_MS;
    return [...byId.value.values()]
      .filter((t) => !OPEN_TASK_STATES.includes(t.state) && (t.endedAt ?? t.updatedAt) >= cutoff)
      .sort((a, b) => (b.endedAt ?? b.updatedAt) - (a.endedAt ?? a.updatedAt));
  });
  const unread = computed(() => alerts.value.filter((a) => !a.read).length);
  /** Accounts whose vendor does not answer, or answers with errors; every other account polls as usual. */
  const troubled = computed<AccountHealth[]>(() => (scheduler.value?.accounts ?? []).filter((a) => a.state !== 'ok'));

  /** Since when the account's status reads are paused because its vendor cannot be reached; null while they run. */
  function pausedSince(accountId: string | null): number | null {
    const health = scheduler.value?.accounts.find((a) => a.accountId === accountId);
    return health?.state === 'unreachable' ? health.since : null;
  }

  function upsert(tasks: readonly TaskSummary[], removed: readonly string[] = []): void {
    const map = byId.value;
    for (const t of tasks) {
      const known = map.get(t.id);
      if (!known || known.updatedAt <= t.updatedAt) map.set(t.id, t);
    }
    for (const id of removed) map.delete(id);
    triggerRef(byId);
  }

  async function read(): Promise<void> {
    const [a, s] = await Promise.all([call('tasks:active', {}), call('scheduler:status', {})]);
    if (a.ok) {
      const keep = [...byId.value.values()].filter((t) => !OPEN_TASK_STATES.includes(t.state));
      byId.value = new Map([...keep, ...a.value].map((t) => [t.id, t]));
    }
    if (s.ok) scheduler.value = s.value;
    error.value = !a.ok ? a.error : !s.ok ? s.error : null;
    loaded.value = true;
  }

  let reading: Promise<void> | null = null;
  /** Reads the active tasks and the scheduler's status anew. */
  function refresh(): Promise<void> {
    const pending = read().finally(() => {
      if (reading === pending) reading = null;
    });
    reading = pending;
    return pending;
  }

  /**
   * The same, but waits for a read already on its way instead of sending another: at launch App
   * reads and the Live view, mounting a moment later, need not wait a second round trip to paint.
   */
  function load(): Promise<void> {
    return reading ?? refresh();
  }

  let toaster: NotificationApi | null = null;
  function toast(alert: TaskAlert, title: string, body: string): void {
    if (!toaster) {
      const settings = useSettingsStore();
      // Bottom right, like the page's messages at the bottom: the top of every view holds its title and controls.
      toaster = createDiscreteApi(['notification'], {
        configProviderProps: computed(() => ({ theme: settings.dark ? darkTheme : null })),
        notificationProviderProps: { placement: 'bottom-right' },
      }).notification;
    }
    const note = toaster.create({
      type: alert.kind === 'upload-failed' || alert.kind === 'still-running' ? 'warning' : 'error',
      title,
      description: alertSubject(alert),
      content: body,
      meta: i18n.global.d(alert.at, 'time'),
      duration: 12_000,
      keepAliveOnHover: true,
      action: () =>
        h(
          NButton,
          {
            text: true,
            type: 'primary',
            'data-testid': 'alert-open',
            onClick: () => {
              note.destroy();
              // The router imports every view, and the views this store: the hash route is set, not imported.
              window.location.hash = `#/tasks/${encodeURIComponent(alert.taskId)}`;
            },
          },
          { default: () => i18n.global.t('monitor.alerts.open') },
        ),
    });
  }

  function alertTitle(alert: TaskAlert): string {
    return i18n.global.t(`monitor.alertKinds.${alert.kind}`);
  }
  function alertBody(alert: TaskAlert): string {
    return localize(alert.message);
  }
  /** Which recording: room, vendor and account. */
  function alertSubject(alert: TaskAlert): string {
    return localize(alertAbout(alert));
  }

  function receive(alert: TaskAlert): void {
    alerts.value = [{ ...alert, seq: ++seq, read: false }, ...alerts.value].slice(0, MAX_ALERTS);
    const title = alertTitle(alert);
    const body = alertBody(alert);
    toast(alert, title, body);
    // The Electron host shows native notifications from the main process; only the browser host does it here.
    if (hostKind === 'web' && permission.value === 'granted') {
      try {
        new Notification(`RecDeck · ${title}`, { body: `${alertSubject(alert)}\n${body}`, tag: `${alert.taskId}:${alert.kind}` });
      } catch {
        permission.value = 'unsupported';
      }
    }
  }

  async function enableNotifications(): Promise<void> {
    if (hostKind !== 'web' || typeof Notification === 'undefined') return;
    permission.value = await Notification.requestPermission();
  }

  function markAllRead(): void {
    alerts.value = alerts.value.map((a) => ({ ...a, read: true }));
  }
  function dismissAlert(seqNo: number): void {
    alerts.value = alerts.value.filter((a) => a.seq !== seqNo);
  }

  async function act(id: string, action: TaskAction): Promise<AppError | null> {
    busy.value = { ...busy.value, [id]: action };
    const r = await call(`tasks:${action}`, { id });
    const { [id]: _done, ...rest } = busy.value;
    busy.value = rest;
    if (!r.ok) {
      failures.value = { ...failures.value, [id]: { action, error: r.error } };
      return r.error;
    }
    dismissFailure(id);
    upsert([r.value]);
    return null;
  }

  function dismissFailure(id: string): void {
    const { [id]: _gone, ...rest } = failures.value;
    failures.value = rest;
  }

  /** Sends a running task's whole new layout; the vendor replaces the old one. */
  async function updateLayout(id: string, mix: MixSettings): Promise<AppError | null> {
    const r = await call('tasks:updateLayout', { id, mix });
    if (!r.ok) return r.error;
    upsert([r.value]);
    return null;
  }

  function dismissEnded(id: string): void {
    byId.value.delete(id);
    triggerRef(byId);
  }

  on('tasks:changed', (p) => upsert(p.tasks, p.removed));
  // Events missed while the page was hidden or the host restarted are caught up on return.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && loaded.value) void refresh();
  });
  on('tasks:alerted', receive);
  on('scheduler:changed', (s) => (scheduler.value = s));

  return {
    byId,
    capabilities,
    scheduler,
    alerts,
    loaded,
    error,
    permission,
    busy,
    failures,
    dismissFailure,
    active,
    recentlyEnded,
    unread,
    troubled,
    pausedSince,
    refresh,
    load,
    upsert,
    act,
    updateLayout,
    enableNotifications,
    markAllRead,
    dismissAlert,
    dismissEnded,
    alertTitle,
    alertBody,
    alertSubject,
  };
});
