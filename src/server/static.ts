// The single web page and its two assets, read once at start (no build step, no directory walking).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../root.js';

// From the sources either way: src/server/ when run as TypeScript, dist/server/ (which tsc fills with JS only) when built.
const PUBLIC = fromRoot('src', 'server', 'public');
const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

export function loadStatic(): Map<string, StaticFile> {
  return new Map(Object.entries(FILES).map(([route, { file, type }]) => [route, { body: readFileSync(path.join(PUBLIC, file)), type }]));
}

/** The page may load only its own script and style; nothing inline, nothing from elsewhere. */
export const PAGE_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
