import type { AccountCreateInput, AccountDraft, AccountSecretField, VendorId } from '@contract';

/** An account of vendor `V` as the Sandbox reads it back: its fields and whichever secrets are stored. */
export type StoredSandboxAccount<V extends VendorId> = Extract<AccountDraft, { vendor: V }> & {
  secrets: Partial<Record<AccountSecretField<V>, string>>;
};

/** The stored secret `field`, or `replacement` after storing it where the keychain lost the old one. */
export type EnsureSecret<V extends VendorId> = (field: AccountSecretField<V>, replacement: string) => Promise<string>;

/** Sends a command to one vendor's emulator (`Sandbox.control` with the vendor filled in). */
export type EmulatorControl = (command: string, input: unknown) => Promise<unknown>;

/**
 * How one vendor takes part in the Sandbox: its random credentials, how its emulator learns them,
 * and its "Sandbox · …" account. `C` is the vendor's credential set.
 */
export interface SandboxSeed<V extends VendorId, C> {
  /** Fresh random credentials, never a real vendor key; `env` may fix some of them for scripts. */
  generate(env: NodeJS.ProcessEnv): C;
  /** Tells the vendor's emulator to accept `creds`. */
  register(control: EmulatorControl, creds: C): Promise<void>;
  /** The account added on first launch, with the secrets it starts with. */
  account(creds: C, endpoint: string): Extract<AccountCreateInput, { vendor: V }>;
  /** Registers a stored account with the emulator, making fresh secrets where they are gone. */
  restore(account: StoredSandboxAccount<V>, ensure: EnsureSecret<V>, control: EmulatorControl): Promise<void>;
  /** What the standalone Sandbox prints about this vendor. */
  describe(creds: C, endpoint: string): string[];
}
