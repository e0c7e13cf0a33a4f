import { onBeforeUnmount, ref, type Ref } from 'vue';

/** Whether a CSS media query matches now, following the window as it resizes. */
export function useMedia(query: string): Readonly<Ref<boolean>> {
  const media = window.matchMedia(query);
  const matches = ref(media.matches);
  const update = (e: MediaQueryListEvent): void => void (matches.value = e.matches);
  media.addEventListener('change', update);
  onBeforeUnmount(() => media.removeEventListener('change', update));
  return matches;
}
