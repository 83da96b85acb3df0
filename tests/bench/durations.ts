// Meilisearch reports batch durations as ISO 8601 durations (PT1M2.5S); the benchmarks add them up.

/** Seconds of an ISO 8601 duration as Meilisearch reports it; 0 for none. */
export function durationSeconds(duration: string | null | undefined): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(duration ?? '');
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : 0;
}
