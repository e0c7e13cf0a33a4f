import { onBeforeUnmount, onMounted, readonly, ref, type Ref } from 'vue';

const now = ref(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | null = null;

/**
 * One shared clock ticking every second while any component uses it, so 200 Live cards update
 * their timers in one render pass instead of 200 intervals.
 */
export function useNow(): Readonly<Ref<number>> {
  onMounted(() => {
    users++;
    now.value = Date.now();
    timer ??= setInterval(() => (now.value = Date.now()), 1000);
  });
  onBeforeUnmount(() => {
    users--;
    if (users === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  });
  return readonly(now);
}
