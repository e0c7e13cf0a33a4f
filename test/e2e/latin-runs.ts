/**
 * What the 简体中文 walk counts as untranslated: a run of text between Chinese characters that holds a
 * Latin word which is not an id, a URL, a code or one of the terms below. Chinese operators read
 * vendors' own field and API names (SecretId, AppID, DescribeRecordStatus …) in the vendors' Chinese
 * consoles too, so those stay; so do keys on the keyboard and units. Text an element marks as not to
 * be translated (`translate="no"`: ids, raw vendor values, data) or as another language (`lang`) is
 * not walked at all.
 */

/** Words that stay Latin in Chinese: product and vendor names, the vendors' own field names, formats. */
const TERMS = new Set([
  'RecDeck',
  'ZEGO',
  'TIW',
  'TRRO',
  'COS',
  'OSS',
  'OBS',
  'VOD',
  'EOS',
  'Kodo',
  'AppID',
  'AppId',
  'ServerSecret',
  'CallbackSecret',
  'SdkAppId',
  'SecretId',
  'SecretKey',
  'CallbackKey',
  'SignKey',
  'RecordUserSig',
  'ProjectId',
  'RequestId',
  'TaskId',
  'AccessKey',
  'Secret',
  'ID',
  'Endpoint',
  'StorageLocation',
  'SubAppId',
  'BucketName-APPID',
  'URL',
  'JSON',
  'CSV',
  'cURL',
  'HTTP',
  'HLS',
  'NTP',
  'bps',
  'kbps',
  'fps',
  'px',
  'mp4',
  'flv',
  'hls',
  'jpg',
  'aac',
  'mp3',
  'ms',
  'Mbps',
  'http',
  'https',
  'B',
  'KiB',
  'MiB',
  'GiB',
  'Enter',
  'Esc',
  'Ctrl',
  'Shift',
  'Alt',
  'Space',
  'Tab',
  'Delete',
  'Backspace',
  'UserSig',
  'X-TC-Region',
  'ap-guangzhou',
  'ap-singapore',
]);

/** Names the test data and the Sandbox seed give: what an operator typed, not the app's text. */
const DATA = ['Sandbox · ZEGO', 'Sandbox · Tencent TIW', 'Sandbox · Tencent TRRO', 'Sandbox · Storage (COS)'];

const NON_LATIN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/u;
const TOKEN = /[A-Za-z0-9_.:/@?=&%#+~-]*[A-Za-z][A-Za-z0-9_.:/@?=&%#+~-]*/g;

function allowed(token: string): boolean {
  const word = token.replace(/^[.:/+-]+|[.:/+-]+$/g, '');
  if (word === '' || TERMS.has(word)) return true;
  // A path or a choice of codes (recordings/studio-a, http/https, IM/TRTC).
  if (word.includes('/')) return true;
  // A random id from a vendor (oqqDIjqGQuuPMfVG): long, mixed case, capitals side by side.
  if (word.length >= 10 && /[a-z]/.test(word) && /[A-Z]{2}/.test(word)) return true;
  // Ids and codes: anything with a digit or an underscore (no English word has either).
  if (word.length === 1 || /[\d_]/.test(word)) return true;
  // An environment variable as set (RECDECK_KEYCHAIN=session).
  if (/^[A-Z][A-Z0-9_]*=\S+$/.test(word)) return true;
  // A vendor's field or API name: two or more capitalised parts run together (SetOnlineRecordCallbackKey).
  if (/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(word)) return true;
  if (word.includes('://') || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(word)) return true;
  return /^[A-Z][A-Z0-9_/-]+$/.test(word);
}

/** The runs of `texts` an operator reading Chinese would find in English, each once. */
export function latinRuns(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of texts) {
    const text = DATA.reduce((t, d) => t.split(d).join(' '), raw);
    for (const run of text.split(NON_LATIN)) {
      const tokens = run.match(TOKEN) ?? [];
      if (tokens.some((t) => !allowed(t))) out.add(run.trim());
    }
  }
  return [...out];
}
