import { createHash, randomBytes } from 'node:crypto';

/** Launch codes not yet used, at most; minting one more forgets the oldest. */
const MAX_OPEN_CODES = 16;
/** Live page sessions, at most; a new one ends the oldest (a tab left open since). */
const MAX_SESSIONS = 64;

/**
 * The browser host's credentials. A page never sees a URL that holds a bearer: the address RecDeck
 * prints carries a one-time launch code, which the page exchanges (`POST /api/session`) for a session
 * token it keeps in sessionStorage. Once spent, the code in the browser's history opens nothing.
 * Scripts use the API token their launcher chose (`RECDECK_API_TOKEN`), which no URL ever carries.
 *
 * Only SHA-256 digests are kept and compared, so a lookup's timing says nothing about a secret.
 */
export interface WebSessions {
  /** A new one-time launch code for a page URL (`/#token=CODE`). */
  newLaunchCode(): string;
  /** Spends `code` and answers a new session token, or null when `code` is not an unused launch code. */
  exchange(code: string): string | null;
  /** Whether `token` opens `/api/*`: a live session token or the API token. */
  accepts(token: string): boolean;
}

export function createWebSessions(apiToken: string): WebSessions {
  const api = digest(apiToken);
  const codes = new Set<string>();
  const sessions = new Set<string>();
  return {
    newLaunchCode: () => mint(codes, MAX_OPEN_CODES),
    exchange(code) {
      if (!codes.delete(digest(code))) return null;
      return mint(sessions, MAX_SESSIONS);
    },
    accepts: (token) => {
      const d = digest(token);
      return d === api || sessions.has(d);
    },
  };
}

/** A random 256-bit token in URL-safe base64 (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerOf(header: string | undefined): string | null {
  return /^Bearer ([A-Za-z0-9_-]{16,256})$/.exec(header ?? '')?.[1] ?? null;
}

function mint(set: Set<string>, max: number): string {
  const token = newToken();
  set.add(digest(token));
  // Insertion order is age: drop the oldest beyond the cap.
  for (const old of set) {
    if (set.size <= max) break;
    set.delete(old);
  }
  return token;
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
