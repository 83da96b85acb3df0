// `serve` outlives the Meilisearch it talks to: the server may be killed, restarted by another zhpipe command
// on a new port, or not restartable at all. A request that finds Meilisearch gone reconnects through the data
// directory's current server (starting the managed one if none runs, as `search` does) and is tried once
// more; while it cannot be reached, requests get 503 with one clear message.
import { MeilisearchRequestError, MeilisearchRequestTimeOutError, type Meilisearch } from 'meilisearch';
import { RuntimeError } from '../errors.js';
import { MeiliUnreachableError } from '../meili/transport.js';
import type { Workspace } from '../workflows/workspace.js';

/** Meilisearch did not answer at all (as opposed to answering with an error). */
export function isUnreachable(err: unknown): boolean {
  return err instanceof MeiliUnreachableError || err instanceof MeilisearchRequestError || err instanceof MeilisearchRequestTimeOutError;
}

/** After a failed reconnection, requests are answered 503 at once for this long instead of trying again. */
const RETRY_AFTER_MS = 2000;

export class Upstream {
  private pending: Promise<void> | undefined;
  private failed: { at: number; reason: string } | undefined;

  constructor(
    private readonly ws: Workspace,
    private readonly connect: () => Promise<Meilisearch>,
  ) {}

  /**
   * Points the workspace at the data directory's current Meilisearch. One reconnection at a time: concurrent
   * requests wait for the same one. Throws a RuntimeError (503) saying why when there is none to reach.
   */
  async reconnect(): Promise<void> {
    if (this.failed && Date.now() - this.failed.at < RETRY_AFTER_MS) throw unavailable(this.failed.reason);
    this.pending ??= this.connect()
      .then((client) => {
        this.ws.client = client;
        this.failed = undefined;
        process.stderr.write(`zhpipe serve: reconnected to Meilisearch at ${client.config.host}\n`);
      })
      .catch((err: unknown) => {
        this.failed = { at: Date.now(), reason: err instanceof Error ? err.message : String(err) };
        process.stderr.write(`zhpipe serve: Meilisearch cannot be reached: ${this.failed.reason}\n`);
        throw unavailable(this.failed.reason);
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}

function unavailable(reason: string): RuntimeError {
  return new RuntimeError(`Meilisearch is not answering and could not be reached again (${reason}); try again in a moment`);
}
