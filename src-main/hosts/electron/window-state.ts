import { readFileSync, writeFileSync } from 'node:fs';

/** Window geometry remembered between launches. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** A display's usable area. */
export interface WorkArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };
const MIN_WIDTH = 960;
const MIN_HEIGHT = 640;

/** Reads the saved state; a missing or garbled file gives the default size. */
export function loadWindowState(file: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>;
    const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
    const width = num(raw.width);
    const height = num(raw.height);
    if (width === undefined || height === undefined) return DEFAULT_STATE;
    const x = num(raw.x);
    const y = num(raw.y);
    return {
      width: Math.max(MIN_WIDTH, width),
      height: Math.max(MIN_HEIGHT, height),
      maximized: raw.maximized === true,
      ...(x === undefined || y === undefined ? {} : { x, y }),
    };
  } catch {
    return DEFAULT_STATE;
  }
}

/** Writes the state; failures are the caller's to log. */
export function saveWindowState(file: string, state: WindowState): void {
  writeFileSync(file, JSON.stringify(state));
}

/**
 * Drops the saved position when the window would open off every display (a monitor was unplugged),
 * so the window is centred instead of invisible.
 */
export function fitToDisplays(state: WindowState, areas: readonly WorkArea[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = areas.some(
    (a) => x + 100 <= a.x + a.width && x + state.width - 100 >= a.x && y >= a.y && y + 40 <= a.y + a.height,
  );
  if (visible) return state;
  return { width: state.width, height: state.height, maximized: state.maximized };
}
