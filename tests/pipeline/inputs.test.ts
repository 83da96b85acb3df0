// Odd inputs given to ingest, for real: symbolic-link loops, a file reached twice through a link, FIFOs and
// devices, and UTF-16 files (with a BOM). Real files and links, the real CLI, the test run's Meilisearch.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { listInputs } from '../../src/pipeline/analyze.js';
import { decode } from '../../src/stages/read.js';
import { CORPUS, meiliEnv, runCli, tempDir, testClient, uniqueIndexes, writePipeline } from '../helpers.js';

const ARTICLE = readFileSync(path.join(CORPUS, '004_9c34a97e38f5307b.txt'), 'utf8');

interface Report {
  files: Array<{ file: string; status: string; reason?: string; passages?: number }>;
}

/** Runs `zhpipe ingest` over `inputs` into fresh indexes with a --report; returns the result and the report. */
async function ingestWithReport(dir: string, inputs: string[]) {
  const indexes = uniqueIndexes('inputs');
  const pipeline = writePipeline(dir, indexes);
  const report = path.join(dir, 'report.json');
  // Bounded: before links were tracked, a loop never finished.
  const r = await runCli(['ingest', ...inputs, '--pipeline', pipeline, '--data-dir', path.join(dir, 'data'), '--report', report, '--json'], {
    env: meiliEnv(),
    timeoutMs: 120_000,
  });
  const files = r.code === 0 || r.code === 2 ? (JSON.parse(readFileSync(report, 'utf8')) as Report).files : [];
  return { r, files, indexes };
}

describe('inputs: links', { timeout: 180_000 }, () => {
  it('finishes on a directory with two links to itself, indexing its file once and reporting the loops', async () => {
    const dir = tempDir('zhpipe-loop-');
    const tree = path.join(dir, 'tree');
    mkdirSync(tree);
    writeFileSync(path.join(tree, 'article.txt'), ARTICLE);
    symlinkSync('.', path.join(tree, 'a'));
    symlinkSync('.', path.join(tree, 'b'));
    const { r, files, indexes } = await ingestWithReport(dir, [tree]);
    expect(r.code, r.stderr).toBe(2);
    const indexed = files.filter((f) => f.status === 'indexed');
    expect(indexed.map((f) => path.basename(f.file))).toEqual(['article.txt']);
    const skipped = files.filter((f) => f.status === 'skipped');
    expect(skipped.map((f) => path.relative(tree, f.file)).sort()).toEqual(['a', 'b']);
    for (const s of skipped) expect(s.reason).toMatch(/symbolic link loop or repeat: the same directory as/);
    const stats = await testClient().index(indexes.passages).getStats();
    expect(stats.numberOfDocuments).toBe(indexed[0]?.passages);
  });

  it('with one link to itself, indexes the file once (not once per path)', () => {
    const tree = path.join(tempDir('zhpipe-loop-'), 'tree');
    mkdirSync(tree);
    writeFileSync(path.join(tree, 'article.txt'), ARTICLE);
    symlinkSync('.', path.join(tree, 'self'));
    symlinkSync('article.txt', path.join(tree, 'alias.txt'));
    const { files, missing } = listInputs([tree]);
    expect(files).toEqual([path.join(tree, 'alias.txt')]);
    expect(missing).toEqual([
      { skipped: path.join(tree, 'article.txt'), reason: `the same file as ${path.join(tree, 'alias.txt')} (a link)` },
      { skipped: path.join(tree, 'self'), reason: `symbolic link loop or repeat: the same directory as ${tree}` },
    ]);
    // The same path named twice is read once and is no error.
    expect(listInputs([tree, `${tree}/`]).missing).toHaveLength(2);
  });
});

describe('inputs: not regular files', () => {
  it('reports a FIFO and a device as skipped instead of ignoring them (and never blocks on the FIFO)', async () => {
    const dir = tempDir('zhpipe-fifo-');
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const good = path.join(dir, 'good.txt');
    writeFileSync(good, ARTICLE);
    const { r, files } = await ingestWithReport(dir, [fifo, '/dev/null', good]);
    expect(r.code, r.stderr).toBe(2);
    const byFile = Object.fromEntries(files.map((f) => [f.file, f]));
    expect(byFile[fifo]).toMatchObject({ status: 'skipped', reason: 'a named pipe (FIFO), not a file or directory' });
    expect(byFile['/dev/null']).toMatchObject({ status: 'skipped', reason: 'a character device, not a file or directory' });
    expect(byFile[good]?.status).toBe('indexed');
    expect(JSON.parse(r.stdout).skipped).toHaveLength(2);
  });
});

describe('inputs: UTF-16', () => {
  const TEXT = '长三角一体化发展高层论坛在上海举行。全年新建公共充电桩超7万个。';

  it('decodes UTF-16 LE and BE by their byte-order mark, dropping the mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]);
    expect(decode(le)).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decode(be)).toEqual({ text: TEXT, encoding: 'utf-16be' });
    // A BOM followed by an odd byte count is not UTF-16, and says so.
    expect(() => decode(Buffer.concat([le, Buffer.from([0x41])]))).toThrow(/not valid UTF-16LE text/);
  });

  it('ingests a UTF-16 file (as Windows Notepad saves it) and finds its figure', async () => {
    const dir = tempDir('zhpipe-utf16-');
    const file = path.join(dir, 'notepad.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]));
    const { r, files, indexes } = await ingestWithReport(dir, [file]);
    expect(r.code, r.stderr).toBe(0);
    expect(files[0]?.status).toBe('indexed');
    const { results } = await testClient().index(indexes.figures).getDocuments<{ text: string; start: number }>({ limit: 100 });
    // Offsets count characters of the decoded text, without the BOM.
    const figure = results.find((f) => f.text === '超7万个');
    expect(figure?.start).toBe(TEXT.indexOf('超7万个'));
  });
});
