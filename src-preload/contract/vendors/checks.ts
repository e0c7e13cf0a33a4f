import { msg, type Message } from '../messages/message';
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
export function error(path: string, message: Message): FieldIssue {
  return { path, severity: 'error', message };
}

/** An allowed value that is probably a mistake. */
export function warning(path: string, message: Message): FieldIssue {
  return { path, severity: 'warning', message };
}

/** Pushes an error when `value` is set and is not an integer inside `range`. */
export function checkRange(issues: FieldIssue[], path: string, value: number | null | undefined, range: IntRange): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    issues.push(error(path, msg('issue.range', { min: range.min, max: range.max })));
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
    issues.push(error(path, msg('issue.httpUrl')));
  }
}

/** Pushes an error when a required text is missing or blank. */
export function checkRequiredText(issues: FieldIssue[], path: string, value: string | null | undefined, label: Message): void {
  if (value === null || value === undefined || value.trim() === '') {
    issues.push(error(path, msg('issue.requiredText', { label })));
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
    issues.push(error(prefix, msg('issue.maxRegions', { max: limits.maxRegions })));
  }
  let whiteboards = 0;
  regions.forEach((r, i) => {
    const p = `${prefix}[${i}]`;
    if (!limits.regionKinds.includes(r.kind)) {
      issues.push(error(`${p}.kind`, msg('issue.regionKind', { kind: r.kind })));
    }
    if (r.kind === 'whiteboard') {
      whiteboards += 1;
      if (!whiteboardEnabled) {
        issues.push(error(`${p}.kind`, msg('issue.whiteboardRegionNeedsWhiteboard')));
      }
    }
    if (!Number.isInteger(r.left) || r.left < 0) issues.push(error(`${p}.left`, msg('issue.regionLeft')));
    if (!Number.isInteger(r.top) || r.top < 0) issues.push(error(`${p}.top`, msg('issue.regionTop')));
    if (!Number.isInteger(r.width) || r.width <= 0) {
      issues.push(error(`${p}.width`, msg('issue.regionWidth')));
    } else if (r.left + r.width > canvas.width) {
      issues.push(error(`${p}.width`, msg('issue.regionPastWidth', { width: canvas.width })));
    }
    if (!Number.isInteger(r.height) || r.height <= 0) {
      issues.push(error(`${p}.height`, msg('issue.regionHeight')));
    } else if (r.top + r.height > canvas.height) {
      issues.push(error(`${p}.height`, msg('issue.regionPastHeight', { height: canvas.height })));
    }
    if (!Number.isInteger(r.layer)) issues.push(error(`${p}.layer`, msg('issue.regionLayer')));
    if (r.backgroundImage !== null) {
      if (r.streamId === null) {
        issues.push(error(`${p}.backgroundImage`, msg('issue.backgroundNeedsStream')));
      }
      checkHttpUrl(issues, `${p}.backgroundImage`, r.backgroundImage);
    }
  });
  if (whiteboards > limits.maxWhiteboardRegions) {
    issues.push(
      error(prefix, msg('issue.maxWhiteboardRegions', { max: limits.maxWhiteboardRegions })),
    );
  }
}
