import { createLogger, type LogLine, type Logger } from '../../src-main/logging/logger';

/** A real logger whose lines are kept in memory so tests can search them. */
export function captureLog(): { log: Logger; lines: LogLine[]; text: () => string } {
  const lines: LogLine[] = [];
  return { log: createLogger((l) => lines.push(l)), lines, text: () => lines.map((l) => JSON.stringify(l)).join('\n') };
}
