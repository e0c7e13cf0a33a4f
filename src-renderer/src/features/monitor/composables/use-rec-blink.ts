import { watch, type Ref } from 'vue';
import { useNow } from '../../../ui/use-now';

/**
 * Blinks the REC dots under `root` with the shared one-second clock by flipping one CSS variable
 * (`--rec-dot`, read only by the pill's dot): no re-render, and nothing else on the page dims.
 * A CSS animation per pill would repaint 200 cards every frame.
 */
export function useRecBlink(root: Readonly<Ref<HTMLElement | null>>): void {
  const now = useNow();
  watch(now, (n) => root.value?.style.setProperty('--rec-dot', Math.floor(n / 1000) % 2 === 1 ? '0.25' : '1'));
}
