import { z } from 'zod';

/** Input of `POST /control/clock/advance`. */
export const AdvanceInputSchema = z.object({ ms: z.number().int().min(0).max(30 * 86_400_000) });

/** Parses a control request body: empty means `{}`; anything else must be a JSON object. */
export function parseControlBody(raw: Buffer): unknown {
  const text = raw.toString('utf8').trim();
  if (text === '') return {};
  return JSON.parse(text) as unknown;
}

/** Routes of the control API, for the 404 answer and docs. */
export const CONTROL_ROUTES = [
  'POST /control/clock/advance {ms}',
  'GET  /control/clock',
  'POST /control/faults {vendor, kind, count, ms?, status?, offsetSeconds?, afterProcessing?, mode?}',
  'POST /control/faults/clear',
  'GET  /control/callbacks',
  'POST /control/<vendor>/<command> {…}',
] as const;

/**
 * A control-API failure: the server answers it with HTTP 400, `sandbox:control` with VALIDATION, or
 * UNSUPPORTED when `kind` says the command itself is not one the Sandbox has.
 */
export class ControlError extends Error {
  constructor(
    message: string,
    readonly kind: 'invalid' | 'unsupported' = 'invalid',
  ) {
    super(message);
    this.name = 'ControlError';
  }
}
