import { computed, type ComputedRef } from 'vue';
import { useNow } from '../../../ui/use-now';
import { useCoreSettingsStore } from '../../settings/stores/core-settings';
import { recCountsOf, type RecContext, type RecCounts } from '../model/rec-signal';
import { useTasksStore } from '../stores/tasks';

/** What every page knows about the trust in REC: the clock, polling, the callback receiver, and the counts of open tasks. */
export function useRecStatus(): { ctx: ComputedRef<RecContext>; counts: ComputedRef<RecCounts> } {
  const tasks = useTasksStore();
  const core = useCoreSettingsStore();
  const now = useNow();
  const ctx = computed<RecContext>(() => ({
    now: now.value,
    // Polling pauses per account (an unreachable one); the page as a whole never pauses.
    pausedSince: null,
    receiverOn: core.callbacks ? core.callbacks.enabled : null,
  }));
  const counts = computed(() => recCountsOf(tasks.active, (t) => tasks.capabilities[t.vendor], ctx.value, (t) => tasks.pausedSince(t.accountId)));
  return { ctx, counts };
}
