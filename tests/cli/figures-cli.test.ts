// `zhpipe figures` as a command: the DESIGN.md JSON Lines contract with offsets into the original text,
// the filters, CSV with a BOM, and bad options refused.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { figuresCommand } from '../../src/cli/figures.js';
import { InputError } from '../../src/errors.js';

async function run(args: string[]): Promise<string> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    await figuresCommand().exitOverride().parseAsync(args, { from: 'user' });
  } finally {
    write.mockRestore();
  }
  return out;
}

// An OCR-style break inside the first sentence: offsets must still point into the file as written.
const ORIGINAL =
  '全年长三角区域要新建公共充电桩超7万个,充电桩比率达到1.9之内。\n\n几年间生态环境共保联治卓有成效:2024年长三角平均优良天数比率84.5%,较2018年提升10.4个百\n分点。\n';

function corpusFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhpipe-figures-'));
  const file = path.join(dir, 'a.txt');
  writeFileSync(file, ORIGINAL);
  return file;
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('zhpipe figures', () => {
  it('prints one figure per line with the contract fields and offsets into the original text', async () => {
    const file = corpusFile();
    const rows = (await run([file]))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => r.text)).toEqual(['超7万个', '1.9之内', '84.5%', '10.4个百\n分点']);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual([
        'doc',
        'start',
        'end',
        'text',
        'value',
        'valueHi',
        'unit',
        'currency',
        'kind',
        'qualifier',
        'change',
        'base',
        'metric',
        'period',
        'status',
        'sentence',
      ]);
      expect(ORIGINAL.slice(r.start as number, r.end as number)).toBe(r.text);
    }
    expect(rows[0]).toMatchObject({
      value: 70000,
      unit: '个',
      kind: 'count',
      qualifier: 'gt',
      metric: '新建公共充电桩',
      period: '全年',
      status: 'target',
      currency: null,
      change: null,
      base: null,
    });
    expect(rows[3]).toMatchObject({ unit: '百分点', change: 'increase', base: '2018年', period: '2024年' });
  });

  it('gives bare 元 the currency of the document region, though its passage names none (issue 20)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zhpipe-figures-'));
    const file = path.join(dir, 'tw.txt');
    writeFileSync(file, '行政院今天核定長照計畫。\n\n補助經費共計20億元，較上年增加3億元。\n');
    const rows = (await run([file]))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r.text, r.unit, r.currency, r.change, r.base])).toEqual([
      ['20億元', '元', 'TWD', null, null],
      ['3億元', '元', 'TWD', 'increase', '上年'],
    ]);
  });

  it('filters by status, kind and unit', async () => {
    const file = corpusFile();
    const texts = async (args: string[]) =>
      (await run([file, ...args]))
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { text: string }).text);
    expect(await texts(['--status', 'actual'])).toEqual(['84.5%', '10.4个百\n分点']);
    expect(await texts(['--kind', 'percent,percentage_point'])).toEqual(['84.5%', '10.4个百\n分点']);
    expect(await texts(['--unit', '个'])).toEqual(['超7万个']);
  });

  it('writes CSV as UTF-8 with a BOM and a header', async () => {
    const out = await run([corpusFile(), '--format', 'csv']);
    expect(out.startsWith('\uFEFFdoc,start,end,text,value,valueHi,unit,currency,kind,qualifier,change,base,metric,period,status,sentence\n')).toBe(true);
  });

  it('refuses an unknown kind as bad usage', async () => {
    await expect(run([corpusFile(), '--kind', 'weight'])).rejects.toBeInstanceOf(InputError);
  });
});
