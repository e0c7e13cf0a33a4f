import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

type Callback = (visible: boolean) => void;
const callbacks = new WeakMap<Element, Callback>();
let observer: IntersectionObserver | null = null;

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver((entries) => {
    for (const e of entries) callbacks.get(e.target)?.(e.isIntersecting);
  }, { rootMargin: '200px 0px' });
  return observer;
}

/**
 * Whether an element is on (or near) the screen, from one IntersectionObserver shared by every
 * user, so off-screen Live cards can stop following the one-second clock.
 */
export function useVisible(el: Ref<Element | null>): Ref<boolean> {
  const visible = ref(true);
  onMounted(() => {
    if (!el.value || typeof IntersectionObserver === 'undefined') return;
    callbacks.set(el.value, (v) => (visible.value = v));
    shared().observe(el.value);
  });
  onBeforeUnmount(() => {
    if (!el.value || !observer) return;
    observer.unobserve(el.value);
    callbacks.delete(el.value);
  });
  return visible;
}
