import type { Account, StorageTarget } from '@contract';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import EntityEditor from '../../../../../src-renderer/src/features/accounts/components/EntityEditor.vue';
import type { EditTarget } from '../../../../../src-renderer/src/features/accounts/model/entity-spec';
import { useAccountsStore } from '../../../../../src-renderer/src/features/accounts/stores/accounts';
import { mountWithApp } from '../../../dom';
import { handle, inputsOf, resetBridge } from '../../../fake-bridge';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

let wrapper: VueWrapper;
const mountEditor = (target: EditTarget) => (wrapper = mountWithApp(EntityEditor, { props: { target } }) as VueWrapper);
const input = (prefix: string, key: string) => wrapper.get(`[data-testid="${prefix}-input-${key}"] input`);
const field = (prefix: string, key: string) => wrapper.get(`[data-testid="${prefix}-field-${key}"]`);

describe('EntityEditor', () => {
  beforeEach(() => resetBridge());
  afterEach(() => wrapper.unmount());

  it('creates an account: vendor defaults filled in, messages once a field is left, secrets sent along', async () => {
    handle('accounts:create', (i) => ({ ok: true, value: { ...(i as object), id: 'a1' } as Account }));
    mountEditor({ kind: 'account', vendor: 'zego', account: null });
    expect(field('account', 'environment').text()).toContain('Production');

    await input('account', 'name').setValue('x'.repeat(70));
    expect(field('account', 'name').text()).not.toContain('64');
    await input('account', 'name').trigger('blur');
    expect(field('account', 'name').text()).toContain('64');

    await input('account', 'name').setValue('Studio A');
    await input('account', 'fields.appId').setValue('12345');
    await input('account', 'serverSecret').setValue('s3cret');
    await wrapper.get('[data-testid="account-save"]').trigger('click');
    await flushPromises();
    expect(inputsOf('accounts:create')).toEqual([
      expect.objectContaining({ vendor: 'zego', name: 'Studio A', environment: 'production', fields: expect.objectContaining({ appId: 12345, regionHost: 'cloudrecord-api.zego.im' }), secrets: { serverSecret: 's3cret' } }),
    ]);
    expect(wrapper.emitted('done')).toEqual([['Studio A']]);
  });

  it('shows the field error the core answers with and stays open', async () => {
    handle('accounts:create', () => ({ ok: false, error: { code: 'VALIDATION', message: 'taken', details: { fields: { name: { key: 'account.duplicateName', params: { scope: { key: 'account.scope.vendor' } } } } } } }));
    mountEditor({ kind: 'account', vendor: 'zego', account: null });
    await input('account', 'name').setValue('Studio A');
    await input('account', 'fields.appId').setValue('1');
    await wrapper.get('[data-testid="account-save"]').trigger('click');
    await flushPromises();
    expect(field('account', 'name').text()).toContain('already used');
    expect(wrapper.emitted('done')).toBeUndefined();
  });

  it('edits a storage target: secrets are write-only widgets acting at once, the update carries none', async () => {
    const target: StorageTarget = {
      id: 's1', name: 'COS', provider: 'tencent-cos', region: 'ap-shanghai', bucket: 'rec-1250000000', pathPrefix: null, endpoint: null,
      title: null, storageLocation: null, subAppId: null, createdAt: 0, updatedAt: 0,
      secrets: [{ field: 'accessKeyId', configured: true, updatedAt: 1 }, { field: 'accessKeySecret', configured: false, updatedAt: null }],
    };
    handle('storage:update', ({ id, patch }) => ({ ok: true, value: { ...target, ...(patch as object), id } }));
    handle('secrets:set', ({ field: f }) => ({ ok: true, value: { field: f, configured: true, updatedAt: 2 } }));
    mountEditor({ kind: 'storage', target });
    useAccountsStore().storage = [target];
    await flushPromises();
    expect(wrapper.find('[data-testid="storage-secret-accessKeyId-status"]').exists()).toBe(true);
    await wrapper.get('[data-testid="storage-secret-accessKeySecret-input"] input').setValue('k3y');
    await wrapper.get('[data-testid="storage-secret-accessKeySecret-save"]').trigger('click');
    await flushPromises();
    expect(inputsOf('secrets:set')).toEqual([{ owner: 'storage', id: 's1', field: 'accessKeySecret', value: 'k3y' }]);

    await input('storage', 'name').setValue('COS main');
    await wrapper.get('[data-testid="storage-save"]').trigger('click');
    await flushPromises();
    const [update] = inputsOf('storage:update');
    expect(update).toMatchObject({ id: 's1', patch: { name: 'COS main', provider: 'tencent-cos' } });
    expect(JSON.stringify(update)).not.toContain('k3y');
    expect(wrapper.emitted('done')).toEqual([['COS main']]);
  });
});
