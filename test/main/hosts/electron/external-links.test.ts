import { describe, expect, it } from 'vitest';
import { externalUrl } from '../../../../src-main/hosts/electron/external-links';

describe('external link allowlist', () => {
  it.each([
    ['https://xxxx.oss-cn-shanghai.aliyuncs.com/record/file.mp4', 'https://xxxx.oss-cn-shanghai.aliyuncs.com/record/file.mp4'],
    ['http://online-recording-1259648581.file.myqcloud.com/a.mp4', 'https://online-recording-1259648581.file.myqcloud.com/a.mp4'],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['smb://host/share', null],
    ['app://recdeck/index.html', null],
    ['https://user:pass@example.com/', null],
    ['not a url', null],
  ])('opens %s as %s', (url, expected) => {
    expect(externalUrl(url)).toBe(expected);
  });
});
