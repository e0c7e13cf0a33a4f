import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitToDisplays, loadWindowState, saveWindowState } from '../../../../src-main/hosts/electron/window-state';

const dir = mkdtempSync(join(tmpdir(), 'recdeck-window-'));

describe('window state', () => {
  it('remembers size, position and maximized across a save and load', () => {
    const file = join(dir, 'a.json');
    saveWindowState(file, { x: 40, y: 30, width: 1500, height: 900, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 40, y: 30, width: 1500, height: 900, maximized: true });
  });

  it('falls back to the default size when the file is missing or garbled', () => {
    const garbled = join(dir, 'b.json');
    writeFileSync(garbled, '{"width": "wide"');
    expect(loadWindowState(join(dir, 'missing.json'))).toEqual({ width: 1280, height: 820, maximized: false });
    expect(loadWindowState(garbled)).toEqual({ width: 1280, height: 820, maximized: false });
  });

  it('drops a position that lies off every display', () => {
    const areas = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(fitToDisplays({ x: 3000, y: 100, width: 1200, height: 800, maximized: false }, areas)).toEqual({ width: 1200, height: 800, maximized: false });
    expect(fitToDisplays({ x: 100, y: 100, width: 1200, height: 800, maximized: false }, areas)).toEqual({ x: 100, y: 100, width: 1200, height: 800, maximized: false });
  });
});
