import { describe, expect, it } from 'vitest';
import { isOpenableExternally } from '../../../../src-main/hosts/electron/external-links';

describe('external link allowlist', () => {
  it.each([
    ['https://xxxx.oss-cn-shanghai.aliyuncs.com/record/file.mp4', true],
    ['http://online-recording-1259648581.file.myqcloud.com/a.mp4', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://host/share', false],
    ['https://user:pass@example.com/', false],
    ['not a url', false],
  ])('opens %s: %s', (url, expected) => {
    expect(isOpenableExternally(url)).toBe(expected);
  });
});
