import type { FieldIssue, LayoutRegion, Message, MixSettings, VendorId } from '@contract';
import { computed, inject, ref, type ComputedRef, type InjectionKey, type Ref } from 'vue';
import { layoutIssues, layoutLimitsOf, type LayoutLimits } from '../model/layout-rules';
import { addRegion, canvasOf, duplicateRegion, nudgeRegion, removeRegion, resizeCanvas, updateRegion } from '../model/regions';
import { applyTemplate, vendorTiles, type CustomTemplate, type LayoutMode, type VendorTile } from '../model/templates';
import type { Canvas } from '../model/geometry';
import { useLayoutHistory, type LayoutHistory } from './use-layout-history';

/** What the layout editor's parent passes in. */
export interface LayoutEditorInput {
  modelValue: MixSettings;
  vendor: VendorId;
  /** Whiteboard recording is on (a whiteboard region is allowed). */
  whiteboard: boolean;
  /** Stream ids the operator knows about, offered when binding a region. */
  streams: readonly string[];
  /** The output size, fps and bitrate cannot change (a running task's layout update). */
  lockOutput: boolean;
  audioOnly: boolean;
}

/** The state and edits every part of the layout editor shares. */
export interface LayoutEditor extends Omit<LayoutHistory, 'present'> {
  input: LayoutEditorInput;
  mix: ComputedRef<MixSettings>;
  canvas: ComputedRef<Canvas>;
  custom: ComputedRef<boolean>;
  limits: ComputedRef<LayoutLimits>;
  /** The vendor validator's messages on the committed layout. */
  issues: ComputedRef<FieldIssue[]>;
  selectedId: Ref<string | null>;
  selected: ComputedRef<LayoutRegion | null>;
  atMax: ComputedRef<boolean>;
  /** How many streams the preview of a vendor mode draws. */
  previewCount: Ref<number>;
  tiles: ComputedRef<VendorTile[]>;
  issueAt(path: string): FieldIssue | undefined;
  regionIndex(id: string): number;
  regionNumber(id: string): number;
  regionHasError(id: string): boolean;
  tint(id: string): string;
  add(): void;
  remove(id: string): void;
  duplicate(id: string): void;
  patchRegion(id: string, patch: Partial<LayoutRegion>, coalesce?: string): void;
  patchMix(patch: Partial<MixSettings>, coalesce?: string): void;
  nudge(dx: number, dy: number): void;
  template(id: CustomTemplate): void;
  setMode(mode: LayoutMode): void;
  setCanvas(key: 'width' | 'height', value: number | null): void;
  convertToCustom(): void;
}

/** Provided by LayoutEditor.vue to its parts. */
export const LAYOUT_EDITOR: InjectionKey<LayoutEditor> = Symbol('layout-editor');

const PALETTE = ['#3b82f6', '#22c55e', '#f59e0b', '#ec4899', '#8b5cf6', '#14b8a6', '#ef4444', '#84cc16', '#06b6d4'];

/** The editor over `input` (the component's props); every edit goes through the undo history and out through `publish`. */
export function createLayoutEditor(input: LayoutEditorInput, publish: (mix: MixSettings) => void): LayoutEditor {
  const history = useLayoutHistory(() => input.modelValue, publish);
  const { commit } = history;
  const mix = history.present;
  const canvas = computed(() => canvasOf(mix.value));
  const custom = computed(() => mix.value.layoutMode === 'custom');
  const limits = computed(() => layoutLimitsOf(input.vendor));
  const issues = computed(() => layoutIssues(input.vendor, mix.value, { whiteboard: input.whiteboard, audioOnly: input.audioOnly }));
  const selectedId = ref<string | null>(null);
  const selected = computed(() => mix.value.regions.find((r) => r.id === selectedId.value) ?? null);
  const atMax = computed(() => mix.value.regions.length >= limits.value.maxRegions);
  const previewCount = ref(4);
  const tiles = computed(() => (custom.value ? [] : vendorTiles(mix.value.layoutMode, previewCount.value, canvas.value)));

  const regionIndex = (id: string): number => mix.value.regions.findIndex((r) => r.id === id);
  const regionNumber = (id: string): number => regionIndex(id) + 1;

  function remove(id: string): void {
    commit(removeRegion(mix.value, id));
    if (selectedId.value === id) selectedId.value = null;
  }

  return {
    ...history,
    input,
    mix,
    canvas,
    custom,
    limits,
    issues,
    selectedId,
    selected,
    atMax,
    previewCount,
    tiles,
    issueAt: (path) => issues.value.find((i) => i.path === path && i.severity === 'error') ?? issues.value.find((i) => i.path === path),
    regionIndex,
    regionNumber,
    regionHasError(id) {
      const prefix = `mix.regions[${regionIndex(id)}]`;
      return issues.value.some((i) => i.severity === 'error' && i.path.startsWith(prefix));
    },
    tint: (id) => PALETTE[(regionNumber(id) - 1) % PALETTE.length] ?? '#3b82f6',
    add() {
      if (atMax.value) return;
      const r = addRegion(mix.value);
      commit(r.mix);
      selectedId.value = r.id;
    },
    remove,
    duplicate(id) {
      if (atMax.value) return;
      const r = duplicateRegion(mix.value, id);
      if (!r) return;
      commit(r.mix);
      selectedId.value = r.id;
    },
    patchRegion: (id, patch, coalesce) => commit(updateRegion(mix.value, id, patch), coalesce),
    patchMix: (patch, coalesce) => commit({ ...mix.value, ...patch }, coalesce),
    nudge(dx, dy) {
      const id = selected.value?.id;
      if (id) commit(nudgeRegion(mix.value, id, dx, dy), `nudge:${id}`);
    },
    template(id) {
      commit(applyTemplate(mix.value, id));
      selectedId.value = null;
    },
    setMode: (mode) => commit({ ...mix.value, layoutMode: mode }),
    setCanvas(key, value) {
      if (value === null || value <= 0) return;
      const w = key === 'width' ? Math.round(value) : mix.value.width;
      const h = key === 'height' ? Math.round(value) : mix.value.height;
      commit(resizeCanvas(mix.value, w, h));
    },
    convertToCustom() {
      const regions: LayoutRegion[] = tiles.value.map((tile, i) => ({
        id: `r${i + 1}`,
        left: tile.left,
        top: tile.top,
        width: tile.width,
        height: tile.height,
        layer: i,
        kind: tile.role === 'whiteboard' && limits.value.regionKinds.includes('whiteboard') ? 'whiteboard' : 'stream',
        streamId: tile.role === 'big' ? mix.value.maxResolutionStreamId : null,
        fillMode: mix.value.fillMode,
        backgroundColor: null,
        backgroundImage: null,
      }));
      commit({ ...mix.value, layoutMode: 'custom', regions });
    },
  };
}

/** The surrounding layout editor. */
export function useLayoutEditor(): LayoutEditor {
  const editor = inject(LAYOUT_EDITOR);
  if (!editor) throw new Error('useLayoutEditor() outside LayoutEditor.vue');
  return editor;
}

/** Feedback text and status of a layout field: the vendor's message when there is one, else the help. */
export function useFieldFeedback(editor: LayoutEditor, lt: (message: Message) => string): {
  feedback: (path: string, help?: string) => string | undefined;
  status: (path: string) => 'error' | 'warning' | undefined;
} {
  return {
    feedback(path, help) {
      const i = editor.issueAt(path);
      return i ? lt(i.message) : help;
    },
    status: (path) => editor.issueAt(path)?.severity,
  };
}

/** How a region is named on the canvas and in the list: what it shows. */
export function streamLabel(region: LayoutRegion, t: (key: string) => string): string {
  if (region.kind === 'whiteboard') return t('recording.layout.kinds.whiteboard');
  if (region.kind === 'screen') return t('recording.layout.kinds.screen');
  return region.streamId ?? t('recording.layout.nextStream');
}
