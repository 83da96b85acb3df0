// The project's root folder (the one holding package.json), found from this module's own place. Found, not
// counted in `../`: the same code runs from src/ (tsx, vitest), dist/ (tsc) and dist/bundle/ (the CLI's
// esbuild bundle, see src/bin/build.js), which sit at different depths.
import { existsSync } from 'node:fs';
import path from 'node:path';

function rootAbove(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`zhpipe: no package.json in ${from} or above it`);
  }
}

export const ROOT = rootAbove(import.meta.dirname);

/** A path under the project root: `fromRoot('dictionaries', 'entities')`. */
export const fromRoot = (...parts: string[]): string => path.join(ROOT, ...parts);
