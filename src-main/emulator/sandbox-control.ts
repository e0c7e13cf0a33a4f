import { ControlError } from './control';
import type { FaultSpecInput } from './faults';
import type { Sandbox } from './server';

/** A `sandbox:control` call as the contract parses it. */
export interface SandboxControlInput {
  /** A vendor id, or `clock` / `faults` for the Sandbox's own controls. */
  vendor: string;
  command: string;
  input: Record<string, unknown>;
}

const MAX_ADVANCE_MS = 30 * 86_400_000;

async function clockControl(sandbox: Sandbox, command: string, input: Record<string, unknown>): Promise<{ now: number }> {
  if (command === 'advance') {
    const ms = Number(input['ms']);
    if (!Number.isInteger(ms) || ms < 0 || ms > MAX_ADVANCE_MS) throw new ControlError('ms must be a whole number of milliseconds up to 30 days');
    await sandbox.clock.advance(ms);
  } else if (command !== 'now') {
    throw new ControlError(`Unknown clock command "${command}"`, 'unsupported');
  }
  return { now: sandbox.clock.now() };
}

async function faultsControl(sandbox: Sandbox, command: string, input: Record<string, unknown>): Promise<null> {
  if (command === 'clear') sandbox.clearFaults();
  else if (command === 'inject') await sandbox.injectFault(input as FaultSpecInput);
  else throw new ControlError(`Unknown faults command "${command}"`, 'unsupported');
  return null;
}

/**
 * Runs a `sandbox:control` call on the in-process Sandbox (null when it is off): `clock` (`advance`
 * {ms}, `now`), `faults` (`inject` {spec}, `clear`) and each vendor's own commands (`publish-stream`,
 * `stop-stream`, `publish` …). Every failure is a {@link ControlError}; its text is about the
 * command (unknown task, bad field), never about secrets, and at most 300 characters.
 */
export async function runSandboxControl(sandbox: Sandbox | null, call: SandboxControlInput): Promise<unknown> {
  if (!sandbox) throw new ControlError('The Sandbox is not running', 'unsupported');
  try {
    if (call.vendor === 'clock') return await clockControl(sandbox, call.command, call.input);
    if (call.vendor === 'faults') return await faultsControl(sandbox, call.command, call.input);
    return (await sandbox.control(call.vendor, call.command, call.input)) ?? null;
  } catch (e) {
    if (e instanceof ControlError && e.kind === 'unsupported') throw e;
    throw new ControlError(e instanceof Error ? e.message.slice(0, 300) : 'Sandbox control failed');
  }
}
