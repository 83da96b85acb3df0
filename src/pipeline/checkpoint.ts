// The checkpoint of acknowledged documents: an append-only log, one JSON line per document whose records
// Meilisearch has acknowledged. A killed ingest re-run skips them instead of sending them again; a torn last
// line (kill -9 mid-write) is ignored. The log is per index and per pipeline fingerprint, so a changed
// pipeline or dictionary never trusts an old checkpoint.
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-write.js';

const Entry = z.object({ doc: z.string(), hash: z.string(), passages: z.number().int(), figures: z.number().int() });
export type CheckpointEntry = z.infer<typeof Entry>;

export class Checkpoint {
  private readonly entries = new Map<string, CheckpointEntry>();

  constructor(readonly file: string | undefined) {
    let content = '';
    if (!file) return;
    try {
      content = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    for (const line of content.split('\n')) {
      if (!line.trim()) continue;
      try {
        const entry = Entry.parse(JSON.parse(line));
        this.entries.set(entry.doc, entry);
      } catch {
        // A torn line from an interrupted write: that document is simply sent again.
      }
    }
  }

  /** A checkpoint that remembers nothing and writes nothing. */
  static none(): Checkpoint {
    return new Checkpoint(undefined);
  }

  /** A shard's checkpoint (`suffix`, see shard.ts) is a file of its own: shards run at the same time. */
  static for(dataDir: string, index: string, fingerprint: string, suffix?: string): Checkpoint {
    return new Checkpoint(path.join(dataDir, 'checkpoints', `${index}-${fingerprint}${suffix ? `.${suffix}` : ''}.jsonl`));
  }

  get size(): number {
    return this.entries.size;
  }

  /** True when `doc` with this content hash was acknowledged before. */
  has(doc: string, hash: string): boolean {
    return this.entries.get(doc)?.hash === hash;
  }

  get(doc: string): CheckpointEntry | undefined {
    return this.entries.get(doc);
  }

  record(entry: CheckpointEntry): void {
    this.entries.set(entry.doc, entry);
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    appendFileSync(this.file, JSON.stringify(entry) + '\n');
  }

  /** Forgets everything (the index was emptied or replaced). */
  clear(): void {
    this.entries.clear();
    if (this.file) rmSync(this.file, { force: true });
  }

  /** Rewrites the log with one line per document, dropping superseded lines. */
  compact(): void {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, [...this.entries.values()].map((e) => JSON.stringify(e) + '\n').join(''));
  }
}
