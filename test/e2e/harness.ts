import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** A running `out/main/serve.js` (the browser host, built by `npm test` before this suite; RECDECK_OUT_DIR picks another build). */
export interface ServeProcess {
  /** The address the host printed: its launch code opens one page, once. */
  url: string;
  origin: string;
  dataDir: string;
  child: ChildProcess;
  /** The API token this harness gave the host (`RECDECK_API_TOKEN`), as a script would. */
  token: string;
  /** Calls a channel over the host's HTTP API with the API token (test set-up, not UI). */
  invoke<T>(channel: string, input: unknown): Promise<T>;
  /** A fresh one-time page address, for every page after the first. */
  newPageUrl(): Promise<string>;
  stop(): Promise<number | null>;
}

/** Starts the browser host on a free port and waits for its one status line. */
export async function startServe(options: { dataDir?: string; env?: Record<string, string>; args?: string[] } = {}): Promise<ServeProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'recdeck-e2e-'));
  const outDir = process.env.RECDECK_OUT_DIR ?? 'out';
  const token = randomBytes(32).toString('base64url');
  const child = spawn(process.execPath, [`${outDir}/main/serve.js`, '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])], {
    env: { ...process.env, RECDECK_API_TOKEN: token, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const match = /^RecDeck listening on (http:\/\/127\.0\.0\.1:\d+)\/#token=[A-Za-z0-9_-]+$/.exec(line);
  if (!match?.[1]) throw new Error(`unexpected status line: ${line}`);
  const url = line.replace('RecDeck listening on ', '');
  const origin = match[1];
  return {
    url,
    origin,
    dataDir,
    child,
    token,
    async newPageUrl() {
      const res = await fetch(`${origin}/api/session/link`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      return ((await res.json()) as { value: { url: string } }).value.url;
    },
    async invoke<T>(channel: string, input: unknown): Promise<T> {
      const res = await fetch(`${origin}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } };
      if (!body.ok) throw new Error(`${channel}: ${body.error.code} ${body.error.message} ${JSON.stringify(body.error.details ?? {})}`);
      return body.value;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

/** Debian's Chromium (or CHROME_PATH), headless, with the flags this network-less machine needs. */
const CHROMIUM = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
};

/** Chromium with throw-away profiles (one per context). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

/** Chromium with a profile on disk in `profileDir`, history database included, as an operator's browser keeps one. */
export function launchChromiumProfile(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { ...CHROMIUM, locale: 'en-US' });
}

/** Where screenshots go; `npm test` keeps them for people to look at. */
export function screenshotPath(name: string): string {
  mkdirSync('test-results', { recursive: true });
  return join('test-results', `${name}.png`);
}
