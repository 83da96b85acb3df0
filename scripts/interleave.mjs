#!/usr/bin/env node
// Times shell commands taking turns, so a machine whose speed drifts (shared cores) treats them alike:
//   node scripts/interleave.mjs RUNS LABEL 'COMMAND' [LABEL 'COMMAND' …]
// prints for each command its p50 and p90 wall time and p50 CPU time (user + system, from /usr/bin/time) in ms.
// With scripts/run-bundle.mjs it compares CLI builds: e.g. a bundle of an older commit against the current one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [runs, ...pairs] = process.argv.slice(2);
if (!runs || pairs.length === 0 || pairs.length % 2) {
  process.stderr.write("usage: node scripts/interleave.mjs RUNS LABEL 'COMMAND' [LABEL 'COMMAND' …]\n");
  process.exit(2);
}
const dir = mkdtempSync(path.join(tmpdir(), 'zhpipe-interleave-'));
const timeFile = path.join(dir, 'time');
const variants = [];
for (let i = 0; i < pairs.length; i += 2) variants.push({ label: pairs[i], command: pairs[i + 1], wall: [], cpu: [] });
try {
  for (let r = 0; r < Number(runs); r++) {
    for (const v of variants) {
      const t0 = performance.now();
      const run = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, 'bash', '-c', `${v.command} >/dev/null`], { encoding: 'utf8' });
      const wall = performance.now() - t0;
      if (run.status !== 0) throw new Error(`${v.label}: exit ${run.status}: ${run.stderr.slice(0, 300)}`);
      const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      v.wall.push(wall);
      v.cpu.push((user + system) * 1000);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const at = (values, q) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * q)];
for (const v of variants) {
  console.log(
    `${v.label.padEnd(16)} wall p50 ${at(v.wall, 0.5).toFixed(1)} p90 ${at(v.wall, 0.9).toFixed(1)}  CPU p50 ${at(v.cpu, 0.5).toFixed(0)} (ms, ${runs} runs)`,
  );
}
