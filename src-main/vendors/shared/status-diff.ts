import { fileStatusText, finishReasonText, msg, taskStateText, type EventSource, type Message, type RecordingFile, type TimelineEventDraft, type TimelineEventKind, type VendorId, type VendorStatus } from '@contract';

/** An `extra` fact worth a timeline row when it changes (e.g. TIW ExceptionCnt → an `error` row). */
export interface WatchedExtra {
  key: string;
  kind: TimelineEventKind;
}

function fileSignature(f: RecordingFile): string {
  return JSON.stringify([f.status, f.url, f.vendorVideoId, f.sizeBytes, f.durationMs]);
}

/**
 * Timeline events between two statuses of one task, for any vendor: a state change (or a raw
 * status / finish reason change under the same state), new files, files whose status or facts
 * changed, and changes of the watched `extra` facts. Yields nothing when nothing changed, so polling
 * adds no noise. `label` names the vendor in summaries (`TIW RECORDING→PAUSED`).
 */
export function diffVendorStatus(
  prev: VendorStatus | null,
  next: VendorStatus,
  source: EventSource,
  at: number,
  options: { vendor: VendorId; label: string; watchExtra?: readonly WatchedExtra[] },
): TimelineEventDraft[] {
  const events: TimelineEventDraft[] = [];
  const raw = (s: VendorStatus): Message | string =>
    s.finishReason ? msg('timeline.rawWithReason', { raw: s.rawStatus || '∅', reason: finishReasonText(options.vendor, s.finishReason) }) : s.rawStatus || '∅';
  if (!prev || prev.state !== next.state || prev.rawStatus !== next.rawStatus || prev.finishReason !== next.finishReason) {
    events.push({
      at,
      source,
      kind: 'state-changed',
      // Before the vendor's first report there is no "from": a task it confirms as starting just starts.
      message: prev && !(prev.rawStatus === '' && prev.state === next.state)
        ? msg('timeline.stateChanged', { from: taskStateText(prev.state), to: taskStateText(next.state), vendor: options.label, rawFrom: raw(prev), rawTo: raw(next) })
        : msg('timeline.stateFirst', { to: taskStateText(next.state), vendor: options.label, raw: raw(next) }),
      state: next.state,
    });
  }
  const before = new Map((prev?.files ?? []).map((f) => [f.fileId, f]));
  for (const f of next.files) {
    const old = before.get(f.fileId);
    if (!old) {
      events.push({ at, source, kind: 'file-added', message: msg('timeline.fileAdded', { file: f.fileId, status: fileStatusText(f.status) }), state: next.state, raw: f });
    } else if (fileSignature(old) !== fileSignature(f)) {
      const message =
        old.status !== f.status
          ? msg('timeline.fileStatus', { file: f.fileId, from: fileStatusText(old.status), to: fileStatusText(f.status) })
          : msg('timeline.fileUpdated', { file: f.fileId });
      events.push({ at, source, kind: 'file-changed', message, state: next.state, raw: f });
    }
  }
  if (prev) {
    // An empty list and an absent one say the same thing (TIW sends Interrupts null while recording, [] after).
    const norm = (v: unknown) => JSON.stringify(v === undefined || (Array.isArray(v) && v.length === 0) ? null : v);
    for (const w of options.watchExtra ?? []) {
      const a = norm(prev.extra[w.key]);
      const b = norm(next.extra[w.key]);
      if (a !== b) events.push({ at, source, kind: w.kind, message: msg('timeline.factChanged', { fact: w.key, from: a, to: b }), state: next.state, raw: next.extra[w.key] });
    }
  }
  return events;
}
