import { describe, expect, it } from 'vitest';
import { createHistory, pushHistory, redoHistory, resetHistory, undoHistory } from '../../../../../src-renderer/src/features/layout/model/history';

describe('layout undo history', () => {
  it('undoes and redoes every pushed step in order', () => {
    let h = createHistory({ x: 0 });
    h = pushHistory(h, { x: 1 });
    h = pushHistory(h, { x: 2 });
    h = undoHistory(h);
    expect(h.present).toEqual({ x: 1 });
    h = undoHistory(h);
    expect(h.present).toEqual({ x: 0 });
    expect(undoHistory(h)).toBe(h);
    h = redoHistory(redoHistory(h));
    expect(h.present).toEqual({ x: 2 });
    expect(redoHistory(h)).toBe(h);
  });

  it('drops the redo branch after a new edit', () => {
    let h = pushHistory(createHistory(1), 2);
    h = pushHistory(undoHistory(h), 3);
    expect(h.future).toEqual([]);
    expect(h.past).toEqual([1]);
  });

  it('records nothing for an edit that changes nothing', () => {
    const h = pushHistory(createHistory({ a: [1] }), { a: [1] });
    expect(h.past).toEqual([]);
  });

  it('keeps at most the limit of past steps', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 10; i += 1) h = pushHistory(h, i, Object.is, 3);
    expect(h.past).toEqual([7, 8, 9]);
  });

  it('starts over on a value from outside', () => {
    const h = resetHistory(pushHistory(createHistory(1), 2), 5);
    expect(h).toEqual({ past: [], present: 5, future: [] });
  });
});
