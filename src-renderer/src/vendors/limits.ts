import type { RawLimits } from './types';

/**
 * A vendor's limits: the descriptor's values over the contract's constants, key by key, where the
 * kinds agree. The descriptor arrives as JSON, so what JSON cannot carry (TRRO's file-name RegExp)
 * keeps the contract's own value.
 */
export function mergeLimits<L extends object>(base: L, raw: RawLimits): L {
  const defaults = base as Record<string, unknown>;
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(raw ?? {})) {
    const fallback = defaults[key];
    if (fallback instanceof RegExp) continue;
    if (fallback === undefined || typeof fallback === typeof value) out[key] = value;
  }
  return out as L;
}
