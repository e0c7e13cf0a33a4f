import { describe, expect, it } from 'vitest';
import { inspectorRows } from '../../../../../src-renderer/src/features/monitor/model/inspector';
import { exchange } from '../fixtures';

describe('inspectorRows', () => {
  const start = exchange(1, { action: 'StartRecord', read: false });
  const poll = exchange(2, { read: true });
  const failedPoll = exchange(3, { read: true, errorCode: 'VENDOR_TIMEOUT', httpStatus: null });
  const refused = exchange(4, { action: 'StopRecord', read: false, httpStatus: 503 });
  const all = [start, poll, failedPoll, refused];
  const actions = (hidePolls: boolean, errorsOnly: boolean) => inspectorRows(all, { hidePolls, errorsOnly }).map((x) => x.at);

  it('shows everything newest first, hides polls, keeps only failures, or both', () => {
    expect({ all: actions(false, false), noPolls: actions(true, false), errors: actions(false, true), both: actions(true, true) }).toEqual({
      all: [4, 3, 2, 1],
      noPolls: [4, 1],
      errors: [4, 3],
      both: [4],
    });
  });
});
