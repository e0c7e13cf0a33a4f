import { MixSettingsSchema, type MixSettings } from '@contract';
import { describe, expect, it } from 'vitest';
import { layoutChanges } from '../../../../../src-renderer/src/features/layout/model/changes';

const mix = (regions: object[], extra: object = {}): MixSettings =>
  MixSettingsSchema.parse({ layoutMode: 'custom', width: 1280, height: 720, fps: 15, bitrateBps: 1_500_000, regions, ...extra });
const region = (id: string, over: object = {}) => ({ id, left: 0, top: 0, width: 640, height: 360, layer: 1, ...over });

describe('layoutChanges', () => {
  it('finds nothing when the layout is the same', () => {
    expect(layoutChanges(mix([region('a')]), mix([region('a')]))).toEqual([]);
  });

  it('lists moves, resizes, layers, bindings, fills, additions, removals and the background', () => {
    const before = mix([region('a'), region('b', { left: 640 }), region('c')]);
    const after = mix(
      [
        region('a', { left: 20, top: 10, width: 320, height: 180, layer: 3, streamId: 'cam-1', fillMode: 'fit' }),
        region('b', { left: 640 }),
        region('d', { top: 360 }),
      ],
      { backgroundColor: '#112233' },
    );
    expect(layoutChanges(before, after)).toEqual([
      { kind: 'moved', region: '1', from: '0,0', to: '20,10' },
      { kind: 'resized', region: '1', from: '640×360', to: '320×180' },
      { kind: 'layer', region: '1', from: '1', to: '3' },
      { kind: 'stream', region: '1', from: '—', to: 'cam-1' },
      { kind: 'fill', region: '1', from: 'crop', to: 'fit' },
      { kind: 'added', region: '3' },
      { kind: 'removed', region: '3' },
      { kind: 'background', from: '—', to: '#112233' },
    ]);
  });

  it('reports a change of layout mode', () => {
    expect(layoutChanges(mix([], { layoutMode: 'grid' }), mix([], { layoutMode: 'floating' }))).toEqual([{ kind: 'mode', from: 'grid', to: 'floating' }]);
  });
});
