import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import TaskCard from '../../../../../src-renderer/src/features/monitor/components/TaskCard.vue';
import { mountWithApp } from '../../../dom';
import { summary } from '../fixtures';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

let wrapper: VueWrapper;
afterEach(() => wrapper.unmount());

const caps = { pause: true, resume: true, updateLayout: true };

function card(secretHere: boolean) {
  const task = summary({ id: 't1', state: 'recording', mode: 'mixed' });
  wrapper = mountWithApp(TaskCard, { props: { task, caps, selected: false, busy: undefined, status: { pausedSince: null, receiverOn: false }, secretHere } } as never) as VueWrapper;
  const ids = wrapper.findAll('footer [data-testid]').map((w) => w.attributes('data-testid'));
  return { ids, refresh: wrapper.find('footer [title]').exists(), note: wrapper.find('[data-testid="secret-not-here-t1"]').exists() ? wrapper.find('[data-testid="secret-not-here-t1"]').text() : null };
}

describe('TaskCard in team mode', () => {
  it('shows a task whose account secret is not on this desk read-only, saying how to act on it', () => {
    const without = card(false);
    wrapper.unmount();
    const withSecret = card(true);
    expect({ without, withSecret }).toEqual({
      without: { ids: ['open-t1'], refresh: false, note: 'Secret not on this desk — add it to act (Accounts).' },
      withSecret: { ids: ['pause-t1', 'layout-t1', 'stop-t1', 'open-t1'], refresh: true, note: null },
    });
  });
});
