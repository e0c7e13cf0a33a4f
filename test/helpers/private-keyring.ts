import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * A D-Bus session bus and a gnome-keyring daemon of the test's own, so a test can kill the keychain
 * without touching the one every other test file of the run shares (scripts/with-keyring.sh). The
 * bus has no service directory: once the daemon is gone nothing restarts it behind the test's back.
 */
export interface PrivateKeyring {
  /** `DBUS_SESSION_BUS_ADDRESS` for the process that should use this keyring. */
  address: string;
  /** Kills the keyring daemon (SIGKILL, as a crash would) and waits until it is gone. */
  killDaemon(): Promise<void>;
  /** Stops the daemon and the bus and removes the keyring's files. */
  stop(): Promise<void>;
}

const BUS_CONFIG = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>`;

/** Starts the bus and an unlocked daemon on it, and waits until the Secret Service answers. */
export async function startPrivateKeyring(): Promise<PrivateKeyring> {
  const home = mkdtempSync(join(tmpdir(), 'recdeck-keyring-'));
  writeFileSync(join(home, 'bus.conf'), BUS_CONFIG);
  const bus = spawn('dbus-daemon', [`--config-file=${join(home, 'bus.conf')}`, '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await new Promise<string>((resolve, reject) => {
    createInterface({ input: bus.stdout! }).once('line', resolve);
    bus.once('exit', (code) => reject(new Error(`dbus-daemon exited with ${code}`)));
  });
  const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: address, XDG_DATA_HOME: home, XDG_RUNTIME_DIR: home };
  const daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets', '--control-directory', join(home, 'control')], {
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // A non-empty password lets the daemon create and unlock its "login" keyring without a prompt.
  daemon.stdin!.end('recdeck-test-keyring');
  await waitForSecretService(env);
  const gone = (child: ChildProcess, signal: NodeJS.Signals): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return {
    address,
    killDaemon: () => gone(daemon, 'SIGKILL'),
    async stop() {
      await gone(daemon, 'SIGTERM');
      await gone(bus, 'SIGTERM');
      rmSync(home, { recursive: true, force: true });
    },
  };
}

async function waitForSecretService(env: NodeJS.ProcessEnv): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const answer = await new Promise<string>((resolve) => {
      const ask = spawn(
        'dbus-send',
        ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'],
        { env, stdio: ['ignore', 'pipe', 'ignore'] },
      );
      let out = '';
      ask.stdout.on('data', (c: Buffer) => (out += c.toString()));
      ask.on('close', () => resolve(out));
    });
    if (answer.includes('boolean true')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the private gnome-keyring daemon did not come up');
}
