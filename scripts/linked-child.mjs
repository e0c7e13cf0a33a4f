// The wrapper scripts (start.mjs, serve.mjs) run RecDeck as a child process. This makes a wrapper
// and its child one thing to stop: SIGINT, SIGTERM and SIGHUP go on to the child, and when whoever
// started the wrapper is gone without a signal reaching it, the child is stopped too. That is what
// `npm start` needs: npm hands SIGTERM to the `sh -c` it runs the script in, and sh dies without
// passing it on, leaving the wrapper and RecDeck running.
import { spawn } from 'node:child_process';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const PARENT_CHECK_MS = 250;

let current = null;
let stopping = null;

function stop(signal) {
  stopping ??= signal;
  if (current && current.exitCode === null && current.signalCode === null) current.kill(signal);
  else process.exit(0);
}

for (const signal of SIGNALS) process.on(signal, () => stop(signal));
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, PARENT_CHECK_MS).unref();

/**
 * Spawns `command` as the wrapper's one child and answers how it ended. A wrapper that was asked to
 * stop before or while the child ran never starts another: it exits once the child has.
 */
export function runLinked(command, args, options) {
  if (stopping) process.exit(0);
  return new Promise((resolve) => {
    const child = spawn(command, args, options);
    current = child;
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c) => (stdout += c));
    child.stderr?.on('data', (c) => (stderr += c));
    child.on('exit', (code, signal) => {
      current = null;
      if (stopping) process.exit(0);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs `command` as the child and exits with its code once it ends. */
export async function execLinked(command, args, options) {
  const { code, signal } = await runLinked(command, args, options);
  process.exit(signal ? 0 : (code ?? 0));
}
