import type { FieldIssue } from '../request-parts';

/**
 * Building blocks shared by the per-vendor request validators. They are pure and take every limit as
 * data, so main (before sending) and the renderer (while typing) give the same answers.
 */

/** An inclusive integer range. */
export interface IntRange {
  min: number;
  max: number;
}

/** A blocking problem at `path`. */
export function error(path: string, en: string, zh: string): FieldIssue {
  return { path, en, 'zh-CN': zh, severity: 'error' };
}

/** An allowed value that is probably a mistake. */
export function warning(path: string, en: string, zh: string): FieldIssue {
  return { path, en, 'zh-CN': zh, severity: 'warning' };
}

/** Pushes an error when `value` is set and is not an integer inside `range`. */
export function checkRange(issues: FieldIssue[], path: string, value: number | null | undefined, range: IntRange): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    issues.push(
      error(path, `Must be a whole number from ${range.min} to ${range.max}.`, `必须是 ${range.min} 到 ${range.max} 之间的整数。`),
    );
  }
}

/** True for an absolute http or https URL. */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value);
}

/** Pushes an error when `value` is set and is not an http(s) URL. */
export function checkHttpUrl(issues: FieldIssue[], path: string, value: string | null | undefined): void {
  if (value === null || value === undefined) return;
  if (!isHttpUrl(value)) {
    issues.push(error(path, 'Must be an http:// or https:// URL.', '必须是 http:// 或 https:// 开头的地址。'));
  }
}

/** Pushes an error when a required text is missing or blank. */
export function checkRequiredText(issues: FieldIssue[], path: string, value: string | null | undefined, label: string, labelZh: string): void {
  if (value === null || value === undefined || value.trim() === '') {
    issues.push(error(path, `${label} is required.`, `${labelZh}为必填项。`));
  }
}

/** True when no issue is an error (warnings allowed). */
export function isAcceptable(issues: readonly FieldIssue[]): boolean {
  return issues.every((i) => i.severity === 'warning');
}

/** One rectangle of a layout as the layout validator needs it. */
export interface RegionShape {
  left: number;
  top: number;
  width: number;
  height: number;
  layer: number;
  kind: string;
  streamId: string | null;
  backgroundImage: string | null;
}

/** Limits of a vendor's custom layout. */
export interface LayoutLimits {
  maxRegions: number;
  maxWhiteboardRegions: number;
  /** Region kinds the vendor can show. */
  regionKinds: readonly string[];
}

/**
 * Checks custom-layout rectangles against a canvas: inside it, non-empty, integer layers, region
 * count, whiteboard count and the kinds the vendor supports. `prefix` is the path of the region list.
 */
export function checkRegions(
  issues: FieldIssue[],
  prefix: string,
  regions: readonly RegionShape[],
  canvas: { width: number; height: number },
  limits: LayoutLimits,
  whiteboardEnabled: boolean,
): void {
  if (regions.length > limits.maxRegions) {
    issues.push(error(prefix, `At most ${limits.maxRegions} regions.`, `最多 ${limits.maxRegions} 个画面。`));
  }
  let whiteboards = 0;
  regions.forEach((r, i) => {
    const p = `${prefix}[${i}]`;
    if (!limits.regionKinds.includes(r.kind)) {
      issues.push(error(`${p}.kind`, `This vendor cannot show a “${r.kind}” region.`, `该服务不支持“${r.kind}”类型的画面。`));
    }
    if (r.kind === 'whiteboard') {
      whiteboards += 1;
      if (!whiteboardEnabled) {
        issues.push(error(`${p}.kind`, 'A whiteboard region needs whiteboard recording turned on.', '白板画面需要先开启白板录制。'));
      }
    }
    if (!Number.isInteger(r.left) || r.left < 0) issues.push(error(`${p}.left`, 'Left must be 0 or more.', '左边距不能小于 0。'));
    if (!Number.isInteger(r.top) || r.top < 0) issues.push(error(`${p}.top`, 'Top must be 0 or more.', '上边距不能小于 0。'));
    if (!Number.isInteger(r.width) || r.width <= 0) {
      issues.push(error(`${p}.width`, 'Width must be more than 0 (left < right).', '宽度必须大于 0（左 < 右）。'));
    } else if (r.left + r.width > canvas.width) {
      issues.push(error(`${p}.width`, `The region ends past the canvas width (${canvas.width}).`, `画面右边超出画布宽度（${canvas.width}）。`));
    }
    if (!Number.isInteger(r.height) || r.height <= 0) {
      issues.push(error(`${p}.height`, 'Height must be more than 0 (top < bottom).', '高度必须大于 0（上 < 下）。'));
    } else if (r.top + r.height > canvas.height) {
      issues.push(error(`${p}.height`, `The region ends past the canvas height (${canvas.height}).`, `画面下边超出画布高度（${canvas.height}）。`));
    }
    if (!Number.isInteger(r.layer)) issues.push(error(`${p}.layer`, 'Layer must be a whole number.', '图层必须是整数。'));
    if (r.backgroundImage !== null) {
      if (r.streamId === null) {
        issues.push(error(`${p}.backgroundImage`, 'A background image needs a bound stream.', '设置背景图时必须指定流 ID。'));
      }
      checkHttpUrl(issues, `${p}.backgroundImage`, r.backgroundImage);
    }
  });
  if (whiteboards > limits.maxWhiteboardRegions) {
    issues.push(
      error(prefix, `At most ${limits.maxWhiteboardRegions} whiteboard region.`, `最多只能有 ${limits.maxWhiteboardRegions} 个白板画面。`),
    );
  }
}
