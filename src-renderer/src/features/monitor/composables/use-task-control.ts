import type { TaskSummary } from '@contract';
import { useDialog, useMessage } from 'naive-ui';
import { useI18n } from 'vue-i18n';
import { useTasksStore, type TaskAction } from '../stores/tasks';

/** Stop (after confirmation), pause, resume and refresh a task; a failure stays on the task (store.failures). */
export function useTaskControl(): {
  run: (task: TaskSummary, action: TaskAction) => void;
  confirmStop: (task: TaskSummary) => void;
} {
  const { t } = useI18n();
  const dialog = useDialog();
  const message = useMessage();
  const store = useTasksStore();

  // A failure stays beside the task's buttons (store.failures) with its code, RequestId and Retry.
  async function perform(task: TaskSummary, action: TaskAction): Promise<void> {
    const e = await store.act(task.id, action);
    if (!e && action === 'stop') message.success(t('monitor.stop.stopped', { room: task.roomId }));
  }

  let open = false;
  function confirmStop(task: TaskSummary): void {
    if (open) return;
    open = true;
    dialog.warning({
      title: t('monitor.stop.title', { room: task.roomId }),
      content: t('monitor.stop.body', { room: task.roomId, vendor: t(`vendors.${task.vendor}.name`) }),
      positiveText: t('monitor.stop.confirm'),
      negativeText: t('common.cancel'),
      positiveButtonProps: { type: 'error', 'data-testid': 'stop-confirm' } as Record<string, unknown>,
      autoFocus: true,
      onPositiveClick: () => void perform(task, 'stop'),
      onAfterLeave: () => (open = false),
    });
  }

  return {
    run: (task, action) => (action === 'stop' ? confirmStop(task) : void perform(task, action)),
    confirmStop,
  };
}
