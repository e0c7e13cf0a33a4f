import type { ConnectionTestKind, VendorId } from '@contract';
import type { AccountCredentials } from '../accounts';
import type { ClockSkewStore } from './shared/http';
import type { RateLimiter } from './shared/rate-limiter';

/** Process-wide services every vendor connection shares. */
export interface VendorDeps {
  limiter: RateLimiter;
  skew: ClockSkewStore;
  timeoutMs: number;
  now?: () => number;
}

/** A signed connection to one vendor account. Later issues add the recording actions. */
export interface VendorConnection {
  /** One cheap signed call; resolves with the RequestId or throws a VendorError that says why. */
  ping(): Promise<{ requestId: string }>;
}

/**
 * One vendor, as the core sees it. Adding a vendor = a folder under `vendors/`, one entry in
 * `registry.ts` and its emulator folder.
 */
export interface VendorAdapter<V extends VendorId = VendorId> {
  id: V;
  /** The vendor's base URL for an account without a custom endpoint. */
  defaultBaseUrl(account: Extract<AccountCredentials, { vendor: V }>): string;
  /** Secret fields `ping` needs (the rest may be missing, e.g. TIW's SDK key). */
  pingSecrets: readonly string[];
  /** Vendor error codes that mean something specific when testing a connection (a wrong region …). */
  pingFailureKinds: Readonly<Record<string, ConnectionTestKind>>;
  connect(account: Extract<AccountCredentials, { vendor: V }>, baseUrl: string, deps: VendorDeps): VendorConnection;
}
