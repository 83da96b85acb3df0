// Waiting for Meilisearch: its tasks (a failed one is an error naming it) and retries with backoff when the
// server does not answer.
import type { Meilisearch, Task } from 'meilisearch';
import { RuntimeError } from '../errors.js';

const TASK_TIMEOUT_MS = 10 * 60_000;
const RETRIES = 4;

/** Waits for a task and turns a failed one into an error naming it. */
export async function settle(client: Meilisearch, taskUid: number): Promise<Task> {
  const task = await client.tasks.waitForTask(taskUid, { timeout: TASK_TIMEOUT_MS, interval: 50 });
  if (task.status === 'failed') {
    const error = task.error;
    // Messages can quote a whole filter; keep the line readable.
    const message = (error?.message ?? '').slice(0, 300);
    throw new RuntimeError(`Meilisearch task ${task.uid} (${task.type} on ${task.indexUid ?? '?'}) failed: ${error?.code ?? ''} ${message}`.trim());
  }
  return task;
}

/** Retries a request to Meilisearch with exponential backoff when the server does not answer. */
export async function withRetry<T>(what: string, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      // A failed task is an answer, not an outage: do not retry it.
      if (err instanceof RuntimeError || attempt >= RETRIES) {
        throw err instanceof RuntimeError ? err : new RuntimeError(`${what}: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
    }
  }
}
