import type { CallbackDelivery, CallbackSink } from '../../../src-main/vendors/callbacks';

/** A sink double that records every delivery and answers what `answer` says. */
export function recordingSink(answer: (d: CallbackDelivery) => 'merged' | 'duplicate' | 'unknown-task' = () => 'merged') {
  const deliveries: CallbackDelivery[] = [];
  let failNext = 0;
  const sink: CallbackSink = {
    async deliver(d) {
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('ledger busy');
      }
      deliveries.push(d);
      return answer(d);
    },
  };
  return {
    sink,
    deliveries,
    /** The next `n` deliveries throw, as a failing ledger would. */
    failNext(n: number) {
      failNext = n;
    },
  };
}

/** POSTs `body` (a string is sent byte for byte) and answers status and text. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

/** Waits (real time, short) until `check` holds; for callbacks the Sandbox sends without awaiting. */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}
