import { formatMessage, type KeychainStatus } from '@contract';

/**
 * The lines a host prints under its first one at launch: where the data folder is, and whether
 * secrets go to the OS keychain or stay in memory (with the reason, so the operator can fix it).
 */
export function launchNote(dataDir: string, keychain: KeychainStatus): string {
  const secrets = keychain.backend === 'keytar' ? 'in the OS keychain' : `in memory for this session only — ${keychain.reason ? formatMessage('en', keychain.reason) : 'no keychain'}`;
  return `  Data folder: ${dataDir}\n  Secrets:     ${secrets}\n`;
}
