// What zhpipe writes for other tools: CSV that a spreadsheet opens safely (BOM, one header, formulas inert),
// and the row writer that streams JSONL and CSV but holds a table until its widths are known.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RowWriter, csvCell, toCsv } from '../../src/formats/output.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString('utf8')));
  return { stream, text: () => text };
}

describe('CSV cells', () => {
  it('makes text that a spreadsheet would run as a formula inert with a leading apostrophe', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(text)).toBe(`'${text}`);
    expect(toCsv([{ a: '=1+1' }], ['a'])).toBe("\uFEFFa\n'=1+1\n");
  });

  it('leaves numbers (a negative change) and ordinary text alone', () => {
    expect(csvCell(-28)).toBe('-28');
    expect(csvCell('下降28%')).toBe('下降28%');
    expect(csvCell(['上海', '江苏'])).toBe('上海|江苏');
  });
});

describe('RowWriter', () => {
  it('streams CSV with one BOM and one header however many chunks come', () => {
    const out = capture();
    const writer = new RowWriter('csv', ['a', 'b'], undefined, out.stream);
    writer.write([{ a: 1, b: '甲' }]);
    writer.write([]);
    writer.write([{ a: 2, b: '乙' }]);
    writer.end();
    expect(out.text()).toBe('\uFEFFa,b\n1,甲\n2,乙\n');
  });

  it('writes the CSV header even when no rows came', () => {
    const out = capture();
    const writer = new RowWriter('csv', ['a', 'b'], undefined, out.stream);
    writer.end();
    expect(out.text()).toBe('\uFEFFa,b\n');
  });

  it('writes JSON Lines as rows come and a table only at the end, aligned for CJK width', () => {
    const jsonl = capture();
    const lines = new RowWriter('jsonl', ['a'], undefined, jsonl.stream);
    lines.write([{ a: '上海' }]);
    expect(jsonl.text()).toBe('{"a":"上海"}\n');
    const table = capture();
    const writer = new RowWriter('table', ['name', 'n'], undefined, table.stream);
    writer.write([
      { name: '上海', n: 1 },
      { name: 'ab', n: 22 },
    ]);
    expect(table.text()).toBe('');
    writer.end();
    expect(table.text().split('\n')).toEqual(['name  n', '----  --', '上海  1', 'ab    22', '']);
  });
});
