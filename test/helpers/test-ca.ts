import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A throw-away certificate authority made with the openssl CLI: its certificate (what a desk trusts) and its key. */
export interface TestCa {
  certFile: string;
  keyFile: string;
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe', timeout: 30_000 });
}

/** An EC P-256 CA valid for two days, `name` as its common name; files `<name>.pem` and `<name>.key` in `dir`. */
export function makeCa(dir: string, name: string): TestCa {
  const certFile = join(dir, `${name}.pem`);
  const keyFile = join(dir, `${name}.key`);
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-noenc', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', `/CN=${name}`]);
  return { certFile, keyFile };
}

/**
 * A server certificate signed by `ca` for exactly `altNames` (e.g. `IP:127.0.0.1`, `DNS:localhost`),
 * files `<name>.pem` and `<name>.key` in `dir`. The key is written 0600, as PostgreSQL demands.
 */
export function issueServerCert(ca: TestCa, dir: string, name: string, altNames: string[]): { certFile: string; keyFile: string } {
  const certFile = join(dir, `${name}.pem`);
  const keyFile = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, `subjectAltName=${altNames.join(',')}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-noenc', '-keyout', keyFile, '-out', csr, '-subj', `/CN=${name}`]);
  openssl(['x509', '-req', '-in', csr, '-CA', ca.certFile, '-CAkey', ca.keyFile, '-days', '2', '-extfile', ext, '-out', certFile]);
  chmodSync(keyFile, 0o600);
  return { certFile, keyFile };
}
