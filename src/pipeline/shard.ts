// Sharding an ingest over several processes (`zhpipe ingest --shard K/N`), on one machine or several. A
// document's shard is a hash of its identity — its doc id, the id its passages carry in Meilisearch (for a
// file, a hash of its relative name; for a JSONL/CSV row, of the file and the row's id) — never its
// position in a listing: adding files moves no other document to another shard, and every machine that
// lists the same input, from the same working directory, splits it the same way.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { InputError } from '../errors.js';

/** More shards than this is a typo, not a plan (each one loads its own dictionaries). */
export const MAX_SHARDS = 1000;

/** Shard `index` of `count`, 1-based. */
export const Shard = z
  .object({ index: z.number().int().min(1), count: z.number().int().min(1).max(MAX_SHARDS) })
  .refine((s) => s.index <= s.count, { message: 'the shard number must not exceed the shard count' });
export type Shard = z.infer<typeof Shard>;

/** Parses `--shard K/N`; a bad value is an InputError naming the option. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d{1,7})\s*\/\s*(\d{1,7})\s*$/.exec(text);
  const parsed = m ? Shard.safeParse({ index: Number(m[1]), count: Number(m[2]) }) : undefined;
  if (!parsed?.success) {
    throw new InputError(`--shard ${text}: expected K/N, whole numbers with 1 <= K <= N <= ${MAX_SHARDS} (e.g. --shard 1/4)`);
  }
  return parsed.data;
}

/**
 * The shard (1-based) of the document identified by `id`, of `count`. sha256 rather than the id's own
 * characters, so any identity string spreads evenly; 48 bits make the modulo's bias negligible.
 */
export function shardOf(id: string, count: number): number {
  return (createHash('sha256').update(id).digest().readUIntBE(0, 6) % count) + 1;
}

/** Whether the document identified by `id` belongs to `shard` (every document does without one). */
export function inShard(id: string, shard: Shard | undefined): boolean {
  return !shard || shard.count === 1 || shardOf(id, shard.count) === shard.index;
}

/** `shard-1-of-4`: names a shard's lock and checkpoint files; undefined for a whole (unsharded) run. */
export function shardSuffix(shard: Shard | undefined): string | undefined {
  return shard && shard.count > 1 ? `shard-${shard.index}-of-${shard.count}` : undefined;
}
