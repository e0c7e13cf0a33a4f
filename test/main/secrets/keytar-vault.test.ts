import { formatMessage } from '@contract';
import { describe, expect, it } from 'vitest';
import { explainKeychainFailure } from '../../../src-main/secrets/keytar-vault';

describe('explainKeychainFailure', () => {
  it('turns the libsecret messages seen on Linux into actionable reasons', () => {
    const cases = {
      'Could not connect: No such file or directory': /^No Secret Service \(gnome-keyring\/KWallet\) answered on D-Bus/,
      'Cannot autolaunch D-Bus without X11 $DISPLAY': /^No Secret Service/,
      'The name org.freedesktop.secrets was not provided by any .service files': /^No Secret Service/,
      'Object does not exist at path “/org/freedesktop/secrets/collection/login”': /no usable default keyring/,
      'Cannot create an item in a locked collection': /^The keychain is locked/,
      'keychain probe timed out after 5000 ms': /did not answer in time/,
      'Access denied': /refused access/,
      'Something odd': /^The OS keychain failed \(Something odd\)/,
    };
    const out = Object.fromEntries(Object.entries(cases).map(([m, re]) => [m, re.test(formatMessage('en', explainKeychainFailure(m)))]));
    expect(Object.values(out).every(Boolean) ? 'all' : out).toBe('all');
  });

  it('always tells the operator secrets stay in memory', () => {
    const reason = explainKeychainFailure('x');
    expect([formatMessage('en', reason), formatMessage('zh-CN', reason)]).toEqual([expect.stringMatching(/Secrets are kept in memory until RecDeck quits\.$/), expect.stringMatching(/密钥只保存在内存中。$/)]);
  });
});
