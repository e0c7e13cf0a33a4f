import { performance } from 'node:perf_hooks';
import { afterAll, it } from 'vitest';
import { startServe } from '../e2e/harness';
import { percentile, renderTable, report } from './table';

afterAll(() => {
  process.stdout.write(`\n${renderTable()}\n`);
});

it('browser host: start-up and invoke latency', async () => {
  const startedAt = performance.now();
  const serve = await startServe({ env: { RECDECK_KEYCHAIN: 'session' } });
  const startup = performance.now() - startedAt;
  const token = serve.token;
  const samples: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    const res = await fetch(`${serve.origin}/api/invoke/app:ping`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    await res.json();
    samples.push(performance.now() - t);
  }
  await serve.stop();
  report({ figure: 'browser host start → status line', value: `${startup.toFixed(0)} ms`, target: '—', how: 'spawn node out/main/serve.js until it prints its line' });
  report({
    figure: 'app:ping over HTTP p50 / p95',
    value: `${percentile(samples, 50).toFixed(2)} / ${percentile(samples, 95).toFixed(2)} ms`,
    target: '—',
    how: '300 sequential POST /api/invoke/app:ping on 127.0.0.1',
  });
});
