import { describe, expect, it } from 'vitest';
import { toTable } from '../../src/core/adapter/table';
import type { ColumnType } from '../../src/core/adapter/types';
import { tableToCSV } from '../../src/core/export/csv';

/** The CSV of one column named `v` holding `values`, without the header line. */
const body = (values: readonly unknown[], type?: ColumnType) =>
  tableToCSV(toTable([{ name: 'v', type, values }])).slice('v\r\n'.length);

describe('tableToCSV', () => {
  it('writes a whole table exactly', () => {
    const table = toTable({
      rows: [
        { name: 'Widget', amount: 1200.5, when: '2026-03-05', note: 'plain' },
        { name: '=1+1', amount: -5, when: '2026-03-05T14:30:00Z', note: "ok;=cmd|' /C calc'!A0" },
        { name: 'say "hi", then\nleave', amount: 0, when: null, note: 'tab\there' },
        { name: 'Zürich 東京 🚀', amount: null, when: new Date(Date.UTC(1969, 11, 31)), note: null },
        { name: '\u00a0=HYPERLINK("https://evil.example","x")', amount: -0.25, when: '2026-01', note: ' @SUM(A1)' },
      ],
      meta: [
        { name: 'name', label: 'Name, full' },
        { name: 'amount' },
        { name: 'when', label: '=When' },
        { name: 'note' },
      ],
    });
    expect(table.columns.map((c) => c.type)).toEqual(['string', 'number', 'date', 'string']);
    expect(tableToCSV(table)).toBe(
      [
        `"Name, full",amount,'=When,note`,
        'Widget,1200.5,2026-03-05T00:00:00.000Z,plain',
        `'=1+1,-5,2026-03-05T14:30:00.000Z,"ok;=cmd|' /C calc'!A0"`,
        '"say ""hi"", then\nleave",0,,"tab\there"',
        'Zürich 東京 🚀,,1969-12-31T00:00:00.000Z,',
        `"'\u00a0=HYPERLINK(""https://evil.example"",""x"")",-0.25,2026-01-01T00:00:00.000Z,' @SUM(A1)`,
        '',
      ].join('\r\n'),
    );
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [' =1+1', "' =1+1"],
    ['   +cmd', "'   +cmd"],
    ['\u00a0=HYPERLINK("x")', `"'\u00a0=HYPERLINK(""x"")"`],
    ['\u2003-2', "'\u2003-2"],
    ['\t=1', `"'\t=1"`],
    ['\tplain', `"'\tplain"`],
    ['\rplain', `"'\rplain"`],
    ['\n=1', `"'\n=1"`],
  ])('neutralises the formula %j', (value, expected) => {
    expect(body(['text', value], 'string')).toBe(`text\r\n${expected}\r\n`);
  });

  it.each([
    ['a;b', '"a;b"'],
    ["ok;=cmd|' /C calc'!A0", `"ok;=cmd|' /C calc'!A0"`],
    ['a\tb', '"a\tb"'],
    ['a,b', '"a,b"'],
    ['a"b', '"a""b"'],
    ['a\rb', '"a\rb"'],
    ['a\nb', '"a\nb"'],
    ['a\r\nb', '"a\r\nb"'],
    ['a = b', 'a = b'],
    ['x-1', 'x-1'],
    ["it's", "it's"],
    ['', ''],
  ])('quotes %j only when it holds a separator, quote or line break', (value, expected) => {
    expect(body(['text', value], 'string')).toBe(`text\r\n${expected}\r\n`);
  });

  it('leaves numbers, negative ones included, unquoted and unprefixed', () => {
    expect(body([-5, -0.5, 0, 1e21, -1e-7, null])).toBe('-5\r\n-0.5\r\n0\r\n1e+21\r\n-1e-7\r\n\r\n');
    expect(body(['-5', '+3', ' -2 '], 'number')).toBe('-5\r\n3\r\n-2\r\n');
  });

  it('writes dates as ISO 8601 and booleans as words, missing values as empty fields', () => {
    expect(body([new Date(Date.UTC(2026, 2, 5, 9, 5)), '2026-03-05', null], 'date')).toBe(
      '2026-03-05T09:05:00.000Z\r\n2026-03-05T00:00:00.000Z\r\n\r\n',
    );
    expect(body([true, false, null], 'boolean')).toBe('true\r\nfalse\r\n\r\n');
  });

  it('neutralises and quotes column labels too', () => {
    const table = toTable([
      { name: 'a', label: '-total', values: [1] },
      { name: 'b', label: 'x;y', values: [2] },
      { name: 'c', label: ' @c', values: [3] },
    ]);
    expect(tableToCSV(table)).toBe(`'-total,"x;y",' @c\r\n1,2,3\r\n`);
  });

  it('writes only the header for a table without rows', () => {
    expect(tableToCSV(toTable([{ name: 'a', values: [] }]))).toBe('a\r\n');
  });
});
