import type { Exchange, TaskDetail } from '@contract';

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function json(value: unknown): string {
  return value === null || value === undefined ? '(none)' : JSON.stringify(value, null, 2);
}

/**
 * Text for a vendor support ticket: the task's identifiers and, per exchange, the RequestId, time,
 * action, HTTP status and the redacted request and response. Everything here is already redacted by
 * the core; nothing secret is ever in a TaskDetail.
 */
export function ticketText(detail: Pick<TaskDetail, 'task' | 'exchanges'>, only?: readonly Exchange[]): string {
  const { task } = detail;
  const exchanges = only ?? detail.exchanges;
  const head = [
    `Vendor: ${task.vendor}`,
    `Account: ${task.accountName}`,
    `Room: ${task.roomId}`,
    `Vendor task id: ${task.vendorTaskId ?? '(none yet)'}`,
    `RecDeck task id: ${task.id}`,
    `State: ${task.state} (vendor status ${task.rawStatus || '—'})`,
    `Created: ${iso(task.createdAt)}`,
    task.startedAt !== null ? `Started: ${iso(task.startedAt)}` : null,
    task.endedAt !== null ? `Ended: ${iso(task.endedAt)}${task.finishReason ? ` (${task.finishReason})` : ''}` : null,
    task.error ? `Last error: ${task.error.code} ${task.error.message}` : null,
  ].filter((l): l is string => l !== null);
  const blocks = exchanges.map((x) =>
    [
      `--- ${x.action} at ${iso(x.at)}`,
      `RequestId: ${x.requestId ?? '(none)'}`,
      `HTTP: ${x.httpStatus ?? '(no response)'} in ${x.durationMs} ms${x.errorCode ? `, error ${x.errorCode}` : ''}`,
      `Request:\n${json(x.request)}`,
      `Response:\n${json(x.response)}`,
    ].join('\n'),
  );
  return [...head, '', ...blocks].join('\n').trimEnd() + '\n';
}
