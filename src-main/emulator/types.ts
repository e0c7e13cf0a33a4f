import type { VendorId } from '@contract';
import type { VirtualClock } from './clock';

/** One HTTP request as a vendor emulator sees it: the raw body bytes, so signatures are checked on exactly what was sent. */
export interface EmulatorRequest {
  method: string;
  /** Path and query after the vendor's mount prefix, e.g. `/?Action=StartRecord&…`. */
  url: URL;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  rawBody: Buffer;
}

/** What a vendor emulator answers. */
export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** Shared services the Sandbox hands every vendor emulator. */
export interface EmulatorContext {
  clock: VirtualClock;
  /** POSTs a callback to `url` (the Sandbox owns retries and logging). */
  deliverCallback(url: string, body: string, headers: Record<string, string>): Promise<void>;
}

/**
 * One emulated vendor, mounted under `/<id>` of the Sandbox server (e.g. `http://127.0.0.1:PORT/zego`).
 * `control` answers the Sandbox control API for this vendor (`POST /control/<id>/<command>`).
 */
export interface VendorEmulator {
  readonly id: VendorId;
  handle(request: EmulatorRequest): Promise<EmulatorResponse>;
  control(command: string, input: unknown): Promise<unknown>;
  /** The answer this vendor gives when it throttles a caller, used by the rate-limit-storm fault. */
  rateLimitedResponse(): EmulatorResponse;
  /**
   * The upload-failure fault: the next `count` files to finish fail to upload, as this vendor shows
   * it (`mode` where the vendor tells a file kept in backup storage from a lost one).
   */
  failUploads(count: number, mode: 'backup' | 'failed'): void;
}

/** Builds a vendor emulator from the services the Sandbox shares. */
export type EmulatorFactory = (context: EmulatorContext) => VendorEmulator;
