import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import HistoryTable from '../../../../../src-renderer/src/features/history/components/HistoryTable.vue';
import { mountWithApp } from '../../../dom';
import { summary } from '../../monitor/fixtures';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

let wrapper: VueWrapper;
afterEach(() => wrapper.unmount());

describe('HistoryTable', () => {
  it('says which finished tasks ended without a stop from RecDeck, as Live does', () => {
    const rows = [
      summary({ id: 'asked', state: 'finished', endedAt: 1_060_000 }),
      summary({ id: 'idled', roomId: 'room-idle', state: 'finished', endedAt: 1_031_000, finishReason: 'ended-by-vendor' }),
    ];
    wrapper = mountWithApp(HistoryTable, { props: { total: rows.length, rowAt: (i: number) => rows[i] ?? null, version: 0, sort: 'createdAt', direction: 'desc' } }) as VueWrapper;
    const states = wrapper.findAll('[role="row"]').slice(1).map((r) => r.findAll('[role="cell"]').map((c) => c.text()).find((text) => text.startsWith('Finished')));
    expect(states).toEqual(['Finished', 'Finished · ended without a stop']);
  });
});
