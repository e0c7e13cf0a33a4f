import { describe, expect, it } from 'vitest';
import { INVOKE_SCHEMAS } from '@contract';
import { taskHandlers } from '../../../../src-main/ipc/handlers/tasks';
import type { TaskService } from '../../../../src-main/tasks';

const ctx = { host: 'web' as const, trusted: true, senderId: 't' };

describe('tasks handlers', () => {
  it('imports a pasted legacy start body through the vendor adapter that knows it, without the task service', async () => {
    const handlers = taskHandlers({ tasks: {} as TaskService });
    const input = INVOKE_SCHEMAS['tasks:importLegacy'].input.parse({ vendor: 'zego', text: '{"room_id":"legacy-room","access_token":"t0ken","record_input_params":{"record_mode":1}}' });
    const out = await handlers['tasks:importLegacy'](input, ctx);
    expect(INVOKE_SCHEMAS['tasks:importLegacy'].output.parse(out)).toMatchObject({ request: { roomId: 'legacy-room' }, secretsRemoved: ['access_token'] });
  });
});
