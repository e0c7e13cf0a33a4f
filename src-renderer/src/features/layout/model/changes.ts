import type { LayoutRegion, MixSettings } from '@contract';

/** One difference between the running layout and the one about to be sent, for the operator to confirm. */
export type LayoutChange =
  | { kind: 'mode'; from: string; to: string }
  | { kind: 'added' | 'removed'; region: string }
  | { kind: 'moved' | 'resized'; region: string; from: string; to: string }
  | { kind: 'layer' | 'stream' | 'fill'; region: string; from: string; to: string }
  | { kind: 'background'; from: string; to: string };

const NEXT = '—';
const at = (r: LayoutRegion): string => `${r.left},${r.top}`;
const size = (r: LayoutRegion): string => `${r.width}×${r.height}`;

/**
 * What applying `after` changes compared with `before`, region by region (regions are matched by
 * id). Vendors replace the whole layout, so this is what the operator is really changing.
 */
export function layoutChanges(before: MixSettings, after: MixSettings): LayoutChange[] {
  const changes: LayoutChange[] = [];
  if (before.layoutMode !== after.layoutMode) changes.push({ kind: 'mode', from: before.layoutMode, to: after.layoutMode });
  const old = new Map(before.regions.map((r) => [r.id, r]));
  const next = new Map(after.regions.map((r) => [r.id, r]));
  after.regions.forEach((r, i) => {
    const label = String(i + 1);
    const was = old.get(r.id);
    if (!was) return void changes.push({ kind: 'added', region: label });
    if (at(was) !== at(r)) changes.push({ kind: 'moved', region: label, from: at(was), to: at(r) });
    if (size(was) !== size(r)) changes.push({ kind: 'resized', region: label, from: size(was), to: size(r) });
    if (was.layer !== r.layer) changes.push({ kind: 'layer', region: label, from: String(was.layer), to: String(r.layer) });
    if (was.streamId !== r.streamId) changes.push({ kind: 'stream', region: label, from: was.streamId ?? NEXT, to: r.streamId ?? NEXT });
    if (was.fillMode !== r.fillMode) changes.push({ kind: 'fill', region: label, from: was.fillMode, to: r.fillMode });
  });
  before.regions.forEach((r, i) => {
    if (!next.has(r.id)) changes.push({ kind: 'removed', region: String(i + 1) });
  });
  const bg = (m: MixSettings): string => [m.backgroundColor, m.backgroundImage].filter(Boolean).join(' ') || NEXT;
  if (bg(before) !== bg(after)) changes.push({ kind: 'background', from: bg(before), to: bg(after) });
  return changes;
}
