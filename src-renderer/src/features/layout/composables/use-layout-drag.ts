import type { LayoutRegion } from '@contract';
import { computed, ref, shallowRef, type ComputedRef, type Ref, type ShallowRef } from 'vue';
import { moveRect, resizeRect, snapMove, snapResize, type Guide, type Handle, type Rect } from '../model/geometry';
import { byLayer, updateRegion } from '../model/regions';
import type { LayoutEditor } from './use-layout-editor';

/** How close (screen pixels) an edge must come to a target to snap. */
const SNAP_SCREEN_PX = 8;

/** Moving and resizing regions with the pointer, with snapping to a grid and to the other regions. */
export interface LayoutDrag {
  /** Regions in drawing order, each with the rectangle to draw (the dragged one follows the pointer). */
  drawn: ComputedRef<{ region: LayoutRegion; rect: Rect }[]>;
  guides: ShallowRef<Guide[]>;
  snapping: Ref<boolean>;
  gridStep: Ref<number>;
  start(event: PointerEvent, region: LayoutRegion, handle: Handle | null): void;
  move(event: PointerEvent): void;
  end(): void;
}

/**
 * Pointer state lives outside reactivity and the draft is written once per animation frame; the
 * drop is one undo step. `scale` is screen pixels per canvas pixel.
 */
export function useLayoutDrag(editor: LayoutEditor, scale: Ref<number>, stage: Ref<HTMLElement | null>): LayoutDrag {
  const draft = shallowRef<{ id: string; rect: Rect } | null>(null);
  const guides = shallowRef<Guide[]>([]);
  const snapping = ref(true);
  const gridStep = ref(20);
  let drag: { id: string; handle: Handle | null; x: number; y: number; origin: Rect; others: Rect[]; lastX: number; lastY: number; free: boolean } | null = null;
  let frame = 0;

  const drawn = computed(() => byLayer(editor.mix.value.regions).map((r) => ({ region: r, rect: draft.value?.id === r.id ? draft.value.rect : r })));

  function apply(): void {
    frame = 0;
    if (!drag) return;
    const dx = (drag.lastX - drag.x) / scale.value;
    const dy = (drag.lastY - drag.y) / scale.value;
    const options = { grid: gridStep.value, threshold: SNAP_SCREEN_PX / scale.value };
    const snap = snapping.value && !drag.free;
    const canvas = editor.canvas.value;
    let rect: Rect;
    let lines: Guide[] = [];
    if (drag.handle) {
      rect = resizeRect(drag.origin, drag.handle, dx, dy, canvas);
      if (snap) ({ rect, guides: lines } = snapResize(rect, drag.handle, drag.others, canvas, options));
    } else {
      rect = moveRect(drag.origin, dx, dy, canvas);
      if (snap) ({ rect, guides: lines } = snapMove(rect, drag.others, canvas, options));
    }
    draft.value = { id: drag.id, rect };
    guides.value = lines;
  }

  return {
    drawn,
    guides,
    snapping,
    gridStep,
    start(event, region, handle) {
      if (event.button !== 0 || !editor.custom.value) return;
      event.preventDefault();
      event.stopPropagation();
      editor.selectedId.value = region.id;
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
      const others = editor.mix.value.regions.filter((r) => r.id !== region.id);
      const origin = { left: region.left, top: region.top, width: region.width, height: region.height };
      drag = { id: region.id, handle, x: event.clientX, y: event.clientY, origin, others, lastX: event.clientX, lastY: event.clientY, free: event.altKey };
      stage.value?.focus({ preventScroll: true });
    },
    move(event) {
      if (!drag) return;
      drag.lastX = event.clientX;
      drag.lastY = event.clientY;
      drag.free = event.altKey;
      if (!frame) frame = requestAnimationFrame(apply);
    },
    end() {
      if (!drag) return;
      if (frame) cancelAnimationFrame(frame);
      apply();
      const d = draft.value;
      const id = drag.id;
      drag = null;
      draft.value = null;
      guides.value = [];
      if (d && d.id === id) editor.commit(updateRegion(editor.mix.value, id, d.rect));
    },
  };
}
