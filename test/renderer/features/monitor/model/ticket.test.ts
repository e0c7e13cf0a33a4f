import { describe, expect, it } from 'vitest';
import { ticketText } from '../../../../../src-renderer/src/features/monitor/model/ticket';
import { exchange, summary } from '../fixtures';

describe('ticketText', () => {
  it('names the task and every exchange with its RequestId, status and redacted bodies', () => {
    const detail = {
      task: summary({ createdAt: Date.UTC(2025, 0, 2, 3, 4, 5), startedAt: null }),
      exchanges: [exchange(Date.UTC(2025, 0, 2, 3, 4, 6), { requestId: 'abc-123', action: 'StartRecord', request: { body: { ServerSecret: '••••' } } }), exchange(0, { errorCode: 'RATE_LIMITED', httpStatus: 429, response: null })],
    };
    const text = ticketText(detail);
    expect(text).toContain('Vendor: zego');
    expect(text).toContain('Vendor task id: zt-1');
    expect(text).toContain('Created: 2025-01-02T03:04:05.000Z');
    expect(text).toContain('--- StartRecord at 2025-01-02T03:04:06.000Z');
    expect(text).toContain('RequestId: abc-123');
    expect(text).toContain('"ServerSecret": "••••"');
    expect(text).toContain('HTTP: 429 in 12 ms, error RATE_LIMITED');
    expect(text).toContain('Response:\n(none)');
    expect(text).not.toContain('Started:');
  });

  it('copies only the chosen exchanges', () => {
    const a = exchange(1, { requestId: 'one' });
    const b = exchange(2, { requestId: 'two' });
    const text = ticketText({ task: summary(), exchanges: [a, b] }, [b]);
    expect(text).toContain('RequestId: two');
    expect(text).not.toContain('RequestId: one');
  });
});
