import type { MixSettings } from '@contract';
import { describe, expect, it } from 'vitest';
import { addRegion, byLayer, nudgeRegion, removeRegion, resizeCanvas, restack, updateRegion } from '../../../../../src-renderer/src/features/layout/model/regions';
import { applyTemplate } from '../../../../../src-renderer/src/features/layout/model/templates';
import { layoutIssues, layoutLimitsOf } from '../../../../../src-renderer/src/features/layout/model/layout-rules';

const base: MixSettings = {
  layoutMode: 'grid', regions: [], width: 1280, height: 720, fps: 15, bitrateBps: 1_500_000, audioBitrateBps: null,
  backgroundColor: null, backgroundImage: null, outputStreamId: 'mix', maxResolutionStreamId: null, fillMode: 'crop', alwaysMix: false,
};
const paths = (mix: MixSettings, whiteboard = false) => layoutIssues('zego', mix, { whiteboard }).filter((i) => i.severity === 'error').map((i) => i.path);

describe('layout region edits', () => {
  it('adds regions on top with fresh ids and switches to custom', () => {
    const one = addRegion(base);
    const two = addRegion(one.mix);
    expect(two.mix.layoutMode).toBe('custom');
    expect(two.mix.regions.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(two.mix.regions[1]!.layer).toBeGreaterThan(two.mix.regions[0]!.layer);
    expect(removeRegion(two.mix, 'r1').regions.map((r) => r.id)).toEqual(['r2']);
    expect(addRegion(removeRegion(two.mix, 'r1')).id).not.toBe('r2');
  });

  it('restacks by renumbering layers 0…n-1', () => {
    const mix = applyTemplate(base, 'grid-3');
    const top = restack(mix, 'r1', 'top');
    expect(byLayer(top.regions).map((r) => r.id)).toEqual(['r2', 'r3', 'r1']);
    expect(byLayer(restack(top, 'r1', 'down').regions).map((r) => r.id)).toEqual(['r2', 'r1', 'r3']);
    expect(top.regions.map((r) => r.layer).sort()).toEqual([0, 1, 2]);
  });

  it('nudges by whole pixels and stops at the canvas edge', () => {
    const mix = applyTemplate(base, 'grid-4');
    expect(nudgeRegion(mix, 'r1', -1, 0).regions[0]).toMatchObject({ left: 0 });
    expect(nudgeRegion(mix, 'r4', 0, 10).regions[3]).toMatchObject({ top: 360 });
    expect(nudgeRegion(mix, 'r1', 10, 1).regions[0]).toMatchObject({ left: 10, top: 1 });
  });

  it('scales regions with the canvas', () => {
    const mix = resizeCanvas(applyTemplate(base, 'grid-4'), 1920, 1080);
    expect(mix.regions[3]).toMatchObject({ left: 960, top: 540, width: 960, height: 540 });
  });
});

describe('layout limits from the vendor validator', () => {
  it('accepts a 4-grid at 1280×720', () => {
    expect(paths(applyTemplate(base, 'grid-4'))).toEqual([]);
  });

  it('refuses a canvas above 1920×1080 pixels and a side above 1920', () => {
    expect(paths({ ...base, width: 1920, height: 1200 })).toContain('mix.height');
    expect(paths({ ...base, width: 2000, height: 500 })).toContain('mix.width');
  });

  it('refuses a region that leaves the canvas', () => {
    const mix = updateRegion(applyTemplate(base, 'grid-4'), 'r2', { left: 1000 });
    expect(paths(mix)).toContain('mix.regions[1].width');
  });

  it('refuses more than 25 regions and a second whiteboard', () => {
    let mix = applyTemplate(base, 'grid-9');
    while (mix.regions.length < 26) mix = addRegion(mix).mix;
    expect(paths(mix)).toContain('mix.regions');
    const two = applyTemplate(base, 'grid-2');
    const boards = { ...two, regions: two.regions.map((r) => ({ ...r, kind: 'whiteboard' as const })) };
    expect(paths(boards, true)).toContain('mix.regions');
  });

  it('takes the layout rules from the vendor descriptor, and which vendor-only mix fields it shows', () => {
    expect(layoutLimitsOf('zego')).toMatchObject({ maxRegions: 25, bigStream: true, outputStream: true });
    expect(layoutLimitsOf('tencent-tiw')).toMatchObject({ bigStream: false, outputStream: false });
    expect(layoutLimitsOf('tencent-tiw').regionKinds).toContain('screen');
    expect(layoutLimitsOf('tencent-trro')).toMatchObject({ maxRegions: 0, layoutModes: [] });
  });
});
