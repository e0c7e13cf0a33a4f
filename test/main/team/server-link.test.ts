import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src-main/errors/app-failure';
import { parseTeamUrl } from '../../../src-main/team/server-link';

/** What the operator reads when a URL is refused. */
function refusal(url: string): string {
  try {
    parseTeamUrl(url);
  } catch (e) {
    expect(e).toBeInstanceOf(AppFailure);
    expect((e as AppFailure).details).toEqual({ problem: 'bad-url' });
    return (e as AppFailure).message;
  }
  throw new Error(`accepted ${url}`);
}

describe('reading a team server URL', () => {
  it('takes the password out, keeps sslmode and sslrootcert, and reads each mode as libpq names it', () => {
    const { endpoint, password } = parseTeamUrl(' postgresql://desk:p%40ss@db.studio.lan:6543/recdeck?sslmode=verify-ca&sslrootcert=/etc/ca.pem ');
    expect(password).toBe('p@ss');
    expect(endpoint).toEqual({
      url: 'postgres://desk@db.studio.lan:6543/recdeck?sslmode=verify-ca&sslrootcert=%2Fetc%2Fca.pem',
      host: 'db.studio.lan', port: 6543, user: 'desk', database: 'recdeck', tls: 'verify-ca', rootCert: '/etc/ca.pem',
    });
    // No sslmode is libpq's default, prefer: TLS first, plain where the server has none.
    expect(parseTeamUrl('postgres://desk@h/db').endpoint).toMatchObject({ url: 'postgres://desk@h/db', port: 5432, tls: 'prefer', rootCert: null });
    expect(['disable', 'allow', 'prefer', 'require', 'verify-full'].map((m) => parseTeamUrl(`postgres://d@h/db?sslmode=${m}`).endpoint.tls)).toEqual(['off', 'allow', 'prefer', 'require', 'verify-full']);
  });

  it('names an option it does not read instead of dropping it, and an sslmode it does not know', () => {
    expect(refusal('postgres://d@h/db?sslmode=verify-full&sslcert=/home/me/desk.crt&sslkey=/home/me/desk.key')).toBe(
      'The URL sets sslcert, which RecDeck does not read: it takes sslmode and sslrootcert only (no client certificates).',
    );
    expect(refusal('postgres://d@h/db?password=hunter22')).toMatch(/^The URL sets password, which/);
    expect(refusal('postgres://d@h/db?sslmode=verify_full')).toBe('sslmode=verify_full is not a mode RecDeck knows: use disable, allow, prefer, require, verify-ca or verify-full.');
    expect(refusal('postgres://d@h/db?sslmode=toString')).toMatch(/^sslmode=toString is not a mode/);
    expect(refusal('https://d@h/db')).toMatch(/^Not a team server URL/);
  });
});
