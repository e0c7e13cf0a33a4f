import { msg, type AppInfo } from '@contract';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../../../../src-renderer/src/features/settings/stores/app';
import { emit, handle, resetBridge } from '../../../fake-bridge';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

const INFO: AppInfo = {
  name: 'RecDeck',
  version: '1.0.0',
  host: 'web',
  dataDir: '/data',
  keychain: { backend: 'keytar', available: true },
  platform: 'linux',
  nodeVersion: '24',
  sandboxUrl: null,
};

describe('app store', () => {
  beforeEach(() => {
    resetBridge();
    setActivePinia(createPinia());
    handle('app:info', () => ({ ok: true, value: INFO }));
  });

  it('takes the keychain status the core sends when the keychain stops answering, and when it is back', async () => {
    const store = useAppStore();
    await store.refresh();
    const reason = msg('keychain.lost', { cause: msg('keychain.lostCause.locked') });
    emit('app:keychainChanged', { backend: 'keytar', available: false, reason });
    const lost = store.info?.keychain;
    emit('app:keychainChanged', { backend: 'keytar', available: true });
    expect([lost, store.info?.keychain, store.info?.version]).toEqual([{ backend: 'keytar', available: false, reason }, { backend: 'keytar', available: true }, '1.0.0']);
  });

  it('says why secrets stay in memory once, and a dismissed banner stays away for the session until the keychain status changes', async () => {
    sessionStorage.clear();
    const reason = msg('keychain.sessionOnly', { reason: msg('keychain.switchedOff') });
    handle('app:info', () => ({ ok: true, value: { ...INFO, keychain: { backend: 'session' as const, available: false, reason } } }));
    const store = useAppStore();
    await store.refresh();
    const shown = store.banner;
    store.dismissBanner();
    const dismissed = store.banner;
    setActivePinia(createPinia());
    const reopened = useAppStore();
    await reopened.refresh();
    const afterReload = reopened.banner;
    const lost = msg('keychain.lost', { cause: msg('keychain.lostCause.locked') });
    emit('app:keychainChanged', { backend: 'keytar', available: false, reason: lost });
    expect({ shown, dismissed, afterReload, news: reopened.banner }).toEqual({
      shown: { kind: 'session', reason },
      dismissed: null,
      afterReload: null,
      news: { kind: 'lost', reason: lost },
    });
  });
});
