import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatMessage,
  isAcceptable,
  RecordingRequestSchema,
  STORAGE_PROVIDERS,
  validateZegoLayout,
  validateZegoRequest,
  validateZegoStorage,
  ZEGO_LIMITS,
  type FieldIssue,
  type RecordingRequestInput,
  type ZegoStorageShape,
} from '@contract';
import { createVirtualClock } from '../../../../src-main/emulator/clock';
import { createSandbox, type Sandbox } from '../../../../src-main/emulator/server';
import { createZegoEmulator } from '../../../../src-main/emulator/zego';
import { buildStartRecordBody, type ZegoStorage } from '../../../../src-main/vendors/zego/request';
import { signZegoRequest } from '../../../../src-main/vendors/zego/sign';

const KEYS = { accessKeyId: true, accessKeySecret: true };
const OSS: ZegoStorageShape = { provider: 'aliyun-oss', region: 'oss-cn-shanghai', bucket: 'b', keys: KEYS };

function parse(input: Partial<RecordingRequestInput>) {
  return RecordingRequestSchema.parse({ roomId: 'r', ...input });
}
function paths(issues: FieldIssue[], severity: 'error' | 'warning' = 'error'): string[] {
  return issues.filter((i) => i.severity === severity).map((i) => i.path);
}
const MIX = { layoutMode: 'grid' as const, width: 1280, height: 720, fps: 15, bitrateBps: 1_500_000, outputStreamId: 'out' };

describe('validateZegoRequest', () => {
  it('accepts a plain single-stream request', () => {
    expect(validateZegoRequest(parse({}), OSS, ZEGO_LIMITS)).toEqual([]);
  });

  it('enforces the canvas, fps, bitrate and time ranges with bilingual messages', () => {
    const req = parse({ mode: 'mixed', mix: { ...MIX, width: 1920, height: 1088, fps: 31, bitrateBps: 3000 }, maxIdleSec: 4, maxRecordSec: 86_401 });
    const issues = validateZegoRequest(req, OSS, ZEGO_LIMITS);
    expect(paths(issues).sort()).toEqual(['maxIdleSec', 'maxRecordSec', 'mix.fps', 'mix.height']);
    expect(paths(issues, 'warning')).toEqual(['mix.bitrateBps']);
    expect(formatMessage('zh-CN', issues[0]!.message)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('checks custom regions against the canvas, the region count and the whiteboard view', () => {
    const region = { id: 'a', left: 0, top: 0, width: 100, height: 100, layer: 1 };
    const req = parse({
      mode: 'mixed',
      mix: {
        ...MIX,
        layoutMode: 'custom',
        regions: [
          { ...region, left: 1200 },
          { ...region, id: 'b', height: 0 },
          { ...region, id: 'c', kind: 'whiteboard' },
          { ...region, id: 'd', kind: 'screen' },
          { ...region, id: 'e', backgroundImage: 'https://x/y.png' },
        ],
      },
    });
    expect(paths(validateZegoRequest(req, OSS, ZEGO_LIMITS))).toEqual([
      'mix.regions[0].width',
      'mix.regions[1].height',
      'mix.regions[2].kind',
      'mix.regions[3].kind',
      'mix.regions[4].backgroundImage',
    ]);
    const many = parse({ mode: 'mixed', mix: { ...MIX, layoutMode: 'custom', regions: Array.from({ length: 26 }, (_, i) => ({ ...region, id: `r${i}` })) } });
    expect(paths(validateZegoRequest(many, OSS, ZEGO_LIMITS))).toEqual(['mix.regions']);
  });

  it('validates an UpdateLayout on its own, with paths relative to the layout', () => {
    const mix = parse({ mode: 'mixed', mix: { ...MIX, layoutMode: 'custom', regions: [{ id: 'a', left: 0, top: 0, width: 100, height: 800, layer: 0 }] } }).mix!;
    expect(validateZegoLayout(mix, false, ZEGO_LIMITS, '').map((i) => [i.path, i.severity])).toEqual([
      ['regions', 'warning'],
      ['regions[0].height', 'error'],
    ]);
  });

  it('applies the storage rules of each provider', () => {
    expect(paths(validateZegoStorage({ provider: 's3-compatible', region: 'r', bucket: 'b', keys: KEYS }, 'mp4', ZEGO_LIMITS))).toEqual(['storage.endpoint']);
    expect(paths(validateZegoStorage({ provider: 'aliyun-vod', region: 'cn-shanghai', keys: KEYS }, 'hls', ZEGO_LIMITS))).toEqual([
      'storage.title',
      'storage.storageLocation',
      'output.format',
    ]);
    expect(paths(validateZegoStorage({ provider: 'tencent-vod', region: 'ap-shanghai', keys: { secretId: true } }, 'mp3', ZEGO_LIMITS))).toEqual(['storage.keys.secretKey']);
    expect(paths(validateZegoStorage({ provider: 'google-gcs', bucket: 'b', keys: KEYS }, 'mp4', ZEGO_LIMITS))).toEqual([]);
    expect(paths(validateZegoRequest(parse({}), null, ZEGO_LIMITS))).toEqual(['storageTargetId']);
  });

  it('checks output format rules and whiteboard ratios', () => {
    const req = parse({ streamType: 'audio', output: { format: 'jpg', snapshotIntervalSec: 4 }, whiteboard: { horizontalRatio: 0, verticalRatio: 9, pptAnimationFps: 31 } });
    expect(paths(validateZegoRequest(req, OSS, ZEGO_LIMITS)).sort()).toEqual([
      'output.format',
      'output.snapshotIntervalSec',
      'whiteboard.horizontalRatio',
      'whiteboard.pptAnimationFps',
    ]);
  });
});

describe('contract validator and ZEGO emulator agree', () => {
  let sandbox: Sandbox;
  const clock = createVirtualClock();
  beforeAll(async () => {
    sandbox = await createSandbox({ clock, emulators: [createZegoEmulator({ concurrencyCap: 100_000 })] });
    await sandbox.control('zego', 'register-app', { appId: 42, serverSecret: 's' });
  });
  afterAll(async () => {
    await sandbox.close();
    clock.dispose();
  });

  async function emulatorAccepts(body: Record<string, unknown>): Promise<{ ok: boolean; message: string }> {
    await clock.advance(25);
    const q = new URLSearchParams({ Action: 'StartRecord', ...signZegoRequest(42, 's', Math.floor(clock.now() / 1000)) });
    const res = await fetch(`${sandbox.baseUrl}/zego/?${q.toString()}`, { method: 'POST', body: JSON.stringify(body) });
    const json = (await res.json()) as { Code: number; Message: string };
    if (json.Code !== 0 && json.Code !== 300000004) throw new Error(`unexpected code ${json.Code}`);
    return { ok: json.Code === 0, message: json.Message };
  }

  // Mostly valid values with a few edge cases each, so that both answers are common.
  const edge = <T,>(valid: T, risky: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: risky });
  const around = (...points: number[]) => fc.oneof(...points.map((p) => fc.integer({ min: p - 1, max: p + 1 })));
  const region = (i: number) =>
    fc.record({
      id: fc.constant(`r${i}`),
      left: edge(i * 100, around(0, 1180)),
      top: edge(0, around(0, 620)),
      width: edge(100, around(0, 100)),
      height: edge(100, around(0, 100)),
      layer: fc.integer({ min: 0, max: 3 }),
      kind: edge('stream', fc.constant('whiteboard')),
      streamId: fc.constantFrom(null, 's1'),
      backgroundImage: edge(null, fc.constantFrom('https://img.example/b.png', 'ftp://img.example/b.png')),
    });
  const regions = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(region(0), region(1), region(2)) },
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.tuple(...Array.from({ length: 26 }, (_, i) => region(i % 12))) },
  );
  const mix = fc.record({
    layoutMode: fc.constantFrom('custom', 'custom', 'grid', 'floating'),
    regions,
    width: edge(1280, around(1, 1920)),
    height: edge(720, around(1080, 1920)),
    fps: edge(15, around(5, 30)),
    bitrateBps: edge(1_500_000, fc.constantFrom(-1, 0, 3000)),
    audioBitrateBps: edge(null, fc.constantFrom(0, 48_000)),
    outputStreamId: edge('out', fc.constant(null)),
    backgroundImage: edge(null, fc.constantFrom('https://img.example/x.png', 'ftp://img.example/x.png')),
  });
  const text = edge('x', fc.constant(null));
  const storage = fc.option(
    fc.record({
      provider: fc.constantFrom(...STORAGE_PROVIDERS),
      region: text,
      bucket: text,
      endpoint: edge('https://s3.example.com', fc.constant(null)),
      pathPrefix: fc.constant(null),
      title: text,
      storageLocation: text,
      subAppId: fc.constantFrom(null, 7),
      keys: fc.record({ accessKeyId: edge(true, fc.constant(false)), accessKeySecret: edge(true, fc.constant(false)), secretId: edge(true, fc.constant(false)), secretKey: edge(true, fc.constant(false)) }),
    }),
    { freq: 12 },
  );
  const requestArb = fc.record({
    roomId: fc.constant('room'),
    mode: fc.constantFrom('single', 'mixed', 'mixed'),
    streamType: fc.constantFrom('audio', 'video', 'audio+video', 'audio+video', 'audio,video'),
    streams: fc.constantFrom([], ['s1', 's2']),
    mix: fc.option(mix, { freq: 12 }),
    whiteboard: fc.option(
      fc.record({
        horizontalRatio: edge(16, around(0)),
        verticalRatio: edge(9, fc.constant(0)),
        width: edge(null, fc.constantFrom(0, 1280)),
        pptAnimationFps: edge(null, around(1, 30)),
      }),
      { freq: 3 },
    ),
    output: fc.record({
      format: fc.constantFrom('mp4', 'mp4', 'flv', 'hls', 'jpg', 'mp3'),
      snapshotIntervalSec: edge(null, around(5, 3600)),
      fragmentSec: edge(null, around(2, 60)),
    }),
    maxIdleSec: edge(null, around(5, 86_400)),
    maxRecordSec: edge(null, around(300, 86_400)),
    callbackUrl: edge(null, fc.constantFrom('http://127.0.0.1:9/cb', 'ftp://x')),
  });

  it('accepts and rejects the same generated requests', async () => {
    const seen = { accepted: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(requestArb, storage, async (input, st) => {
        const req = RecordingRequestSchema.parse(input);
        const shape = st ? { ...st, keys: st.keys } : null;
        const expected = isAcceptable(validateZegoRequest(req, shape, ZEGO_LIMITS));
        const keys = st ? Object.fromEntries(Object.entries(st.keys).filter(([, v]) => v).map(([k]) => [k, `${k}-value`])) : {};
        const zs: ZegoStorage | null = st ? { target: st, keys } : null;
        const got = await emulatorAccepts(buildStartRecordBody(req, zs, null));
        seen[got.ok ? 'accepted' : 'rejected'] += 1;
        expect({ accepted: got.ok, message: got.message }).toMatchObject({ accepted: expected });
      }),
      { numRuns: 250, seed: 20260108 },
    );
    // Both sides of the boundary must be exercised, or agreement proves nothing.
    expect(Math.min(seen.accepted, seen.rejected)).toBeGreaterThan(25);
  });
});
