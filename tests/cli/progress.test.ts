// Ingest progress off a terminal: plain lines on stderr, at most one per interval, with the time left.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatDuration, INGEST_PROGRESS, progressLine, progressReporter, REINDEX_PROGRESS } from '../../src/cli/progress.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { CORPUS, meiliEnv, runCli, tempDir, testClient, testConfig, uniqueIndexes, writePipeline } from '../helpers.js';

/** A non-terminal stream that keeps what is written. */
function sink(): { stream: NodeJS.WriteStream; lines: () => string[] } {
  let text = '';
  const stream = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) }) as unknown as NodeJS.WriteStream;
  return { stream, lines: () => text.split('\n').filter(Boolean) };
}

describe('ingest progress', () => {
  it('formats durations as an analyst reads them', () => {
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(2 * 3600 + 4 * 60 + 30)).toBe('2 h 04 min');
  });

  it('says documents done, passages, time spent and the time left at the rate since the first file', () => {
    // 150 files in the 50 s after the first one (the 10 s before it were start-up): 450 more take 150 s.
    expect(progressLine({ done: 151, total: 601, detail: '9000 passages' }, 60, { seconds: 10, done: 1 })).toBe(
      'ingest progress: 151/601 documents (25%), 9000 passages, 1 min 00 s elapsed, about 2 min 30 s left',
    );
    expect(progressLine({ done: 1, total: 601, detail: '60 passages' }, 10, { seconds: 10, done: 1 })).toBe(
      'ingest progress: 1/601 documents (0%), 60 passages, 10 s elapsed',
    );
    expect(progressLine({ done: 601, total: 601, detail: '36000 passages' }, 240, { seconds: 10, done: 1 })).toBe(
      'ingest progress: 601/601 documents (100%), 36000 passages, 4 min 00 s elapsed; Meilisearch is indexing the last batches',
    );
    // Reindex counts a page of 1000 at a time: 1000 more in the 60 s after the first page, 6000 more take 6 min.
    expect(progressLine({ done: 2000, total: 8000 }, 70, { seconds: 10, done: 1000 }, REINDEX_PROGRESS)).toBe(
      'reindex progress: 2000/8000 passages re-tagged (25%), 1 min 10 s elapsed, about 6 min 00 s left',
    );
    expect(progressLine({ done: 8000, total: 8000 }, 250, { seconds: 10, done: 1000 }, REINDEX_PROGRESS)).toBe(
      'reindex progress: 8000/8000 passages re-tagged (100%), 4 min 10 s elapsed',
    );
  });

  it('prints at most one line per interval off a terminal, and a last one when all files are read; none for a short run or at 0', () => {
    let clock = 0;
    const run = (every: number, steps: Array<[seconds: number, done: number]>) => {
      const out = sink();
      const reporter = progressReporter(out.stream, every, INGEST_PROGRESS, () => clock);
      for (const [seconds, done] of steps) {
        clock = seconds * 1000;
        reporter.update({ done, total: 4, detail: `${done * 10} passages`, current: `f${done}` });
      }
      return out.lines();
    };
    expect(
      run(10, [
        [3, 1],
        [11, 2],
        [15, 3],
        [16, 4],
      ]),
    ).toEqual([
      'ingest progress: 2/4 documents (50%), 20 passages, 11 s elapsed, about 16 s left',
      'ingest progress: 4/4 documents (100%), 40 passages, 16 s elapsed; Meilisearch is indexing the last batches',
    ]);
    expect(
      run(10, [
        [3, 1],
        [4, 2],
        [5, 3],
        [6, 4],
      ]),
    ).toEqual([]);
    expect(
      run(0, [
        [30, 1],
        [60, 2],
        [90, 3],
        [120, 4],
      ]),
    ).toEqual([]);
  });

  it('zhpipe ingest and reindex piped to a log print progress lines on stderr and keep stdout for the summary', async () => {
    const dir = tempDir();
    const pipeline = writePipeline(dir, uniqueIndexes('progress'));
    const r = await runCli(['ingest', path.join(CORPUS, '004_9c34a97e38f5307b.txt'), '--pipeline', pipeline, '--data-dir', dir, '--progress', '0.01'], {
      env: meiliEnv(),
    });
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^ingest progress: 1\/1 documents \(100%\), \d+ passages, \d+ s elapsed; Meilisearch is indexing the last batches$/),
    ]);
    expect(r.stdout).toMatch(/^indexed 1 document\(s\)/);
    const passages = Number(/(\d+) passage\(s\)/.exec(r.stdout)?.[1]);
    const re = await runCli(['reindex', '--pipeline', pipeline, '--data-dir', dir, '--progress', '0.01'], { env: meiliEnv() });
    expect(re.code).toBe(0);
    expect(re.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^reindex progress: ${passages}/${passages} passages re-tagged \\(100%\\), \\d+ s elapsed$`)),
    ]);
    const bad = await runCli(['ingest', CORPUS, '--pipeline', pipeline, '--progress', 'often']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--progress often: expected a number of seconds/);
  });

  it('counts the rows of a JSONL file as documents, each when its records are written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'rows.jsonl');
    const rows = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `r${i}`, content: `第${i}行：上海今年计划新建充电桩${i + 1}00个。` }));
    writeFileSync(file, [...rows, JSON.stringify({ id: 'empty', content: '' })].join('\n') + '\n');
    const seen: Array<{ done: number; total: number; file: string }> = [];
    const summary = await ingest(testClient(), [file, path.join(CORPUS, '004_9c34a97e38f5307b.txt')], testConfig(uniqueIndexes('progress-rows')), {
      workers: 1,
      onProgress: ({ done, total, file }) => seen.push({ done, total, file }),
    });
    expect(summary.documents).toBe(31);
    // The text file and the 30 rows with text (the empty row is reported, not a document).
    expect(seen.map((p) => p.done)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(seen.at(-1)?.total).toBe(31);
    expect(seen.filter((p) => /rows\.jsonl#\d+$/.test(p.file))).toHaveLength(30);
  }, 120_000);
});
