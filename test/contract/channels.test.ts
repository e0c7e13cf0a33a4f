import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, EVENT_SCHEMAS, INVOKE_CHANNELS, INVOKE_SCHEMAS } from '@contract';

describe('contract channels', () => {
  it('has a schema for exactly the listed invoke channels', () => {
    expect(Object.keys(INVOKE_SCHEMAS).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('has a schema for exactly the listed event channels', () => {
    expect(Object.keys(EVENT_SCHEMAS).sort()).toEqual([...EVENT_CHANNELS].sort());
  });

  it('names invoke channels <domain>:<verb> and events <domain>:<pastTense>', () => {
    for (const name of INVOKE_CHANNELS) expect(name).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
    for (const name of EVENT_CHANNELS) expect(name).toMatch(/^[a-z]+:[a-z][A-Za-z]*ed$/);
  });
});
