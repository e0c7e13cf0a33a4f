import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../src-main/history/csv';

describe('csvCell', () => {
  it('leaves plain text and numbers bare and empties null', () => {
    expect([csvCell('room-1'), csvCell(42), csvCell(0), csvCell(null), csvCell('')]).toEqual(['room-1', '42', '0', '', '']);
  });

  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
  });

  it('keeps Chinese text as it is', () => {
    expect(csvCell('课堂，三年级')).toBe('课堂，三年级');
    expect(csvCell('课堂,三年级')).toBe('"课堂,三年级"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(['+1', '-2', '@SUM(A1)', '\tx'].map(csvCell)).toEqual(["'+1", "'-2", "'@SUM(A1)", "'\tx"]);
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('csvLine', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvLine(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });
});
