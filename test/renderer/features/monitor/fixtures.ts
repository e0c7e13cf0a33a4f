import type { InspectedExchange, TaskSummary, TimelineEvent } from '@contract';

/** A ZEGO mixed task summary with overridable fields. */
export function summary(over: Partial<TaskSummary> = {}): TaskSummary {
  return {
    id: 't1',
    vendor: 'zego',
    accountId: 'a1',
    accountName: 'Sandbox · ZEGO',
    roomId: 'room-1',
    vendorTaskId: 'zt-1',
    mode: 'mixed',
    state: 'recording',
    rawStatus: '2',
    createdAt: 1_000_000,
    startedAt: 1_001_000,
    endedAt: null,
    updatedAt: 1_001_000,
    lastSeenAt: 1_001_000,
    forgotten: false,
    finishReason: null,
    fileCount: 0,
    filesUploaded: 0,
    filesFailed: 0,
    error: null,
    maxIdleSec: null,
    maxRecordSec: null,
    deskName: null,
    ...over,
  };
}

let nextId = 1;
/** A timeline event. */
export function event(at: number, over: Partial<TimelineEvent> = {}): TimelineEvent {
  return { id: nextId++, taskId: 't1', at, source: 'poll', kind: 'state-changed', summary: 'x', message: null, state: null, raw: null, deskName: null, ...over };
}

/** A vendor exchange as the inspector gets it. */
export function exchange(at: number, over: Partial<InspectedExchange> = {}): InspectedExchange {
  return {
    id: nextId++,
    taskId: 't1',
    at,
    vendor: 'zego',
    action: 'DescribeRecordStatus',
    requestId: `req-${at}`,
    request: { method: 'GET', url: 'https://cloudrecord-api.zego.im/?Action=DescribeRecordStatus', body: null },
    response: { Code: 0 },
    httpStatus: 200,
    durationMs: 12,
    errorCode: null,
    curl: "curl -X GET 'https://cloudrecord-api.zego.im/?Action=DescribeRecordStatus&Signature=<SIGNATURE>'",
    read: true,
    ...over,
  };
}
