import type { TaskSummary } from '@contract';
import { useDialog, useMessage } from 'naive-ui';
import { useI18n } from 'vue-i18n';
import { useTasksStore } from '../stores/tasks';
import { useLocalized } from '../../../ui/use-localized';

/** Stop (after confirmation), pause, resume and refresh a task, with errors shown as messages. */
export function useTaskControl(): {
  run: (task: TaskSummary, action: 'stop' | 'pause' | 'resume' | 'refresh') => void;
  confirmStop: (task: TaskSummary) => void;
} {
  const { t } = useI18n();
  const { errorText } = useLocalized();
  const dialog = useDialog();
  const message = useMessage();
  const store = useTasksStore();

  async function perform(task: TaskSummary, action: 'stop' | 'pause' | 'resume' | 'refresh'): Promise<void> {
    const e = await store.act(task.id, action);
    if (e) message.error(t('monitor.actionFailed', { action: t(`monitor.actions.${action}`), message: errorText(e) }), { duration: 8000 });
    else if (action === 'stop') message.success(t('monitor.stop.stopped', { room: task.roomId }));
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
