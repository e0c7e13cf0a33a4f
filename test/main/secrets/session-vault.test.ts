import { msg } from '@contract';
import { describe, expect, it } from 'vitest';
import { createSessionVault } from '../../../src-main/secrets/session-vault';

describe('createSessionVault', () => {
  it('keeps values per instance in memory and reports why it is in use', async () => {
    const a = createSessionVault(msg('keychain.switchedOff'));
    await a.set('k', 'v');
    const b = createSessionVault(msg('keychain.switchedOff'));
    expect({
      a: [await a.get('k'), await a.has('k')],
      b: [await b.get('k'), await b.has('k')],
      deleted: [await a.delete('k'), await a.delete('k')],
      status: a.status(),
    }).toEqual({
      a: ['v', true],
      b: [null, false],
      deleted: [true, false],
      status: { backend: 'session', available: false, reason: msg('keychain.switchedOff') },
    });
  });
});
