// One real Meilisearch for the whole test run, started the way zhpipe starts it (managed, 127.0.0.1, free
// port, generated master key) in a temporary data directory, and stopped afterwards. Never a mock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer, type ManagedServer } from '../../src/meili/server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    meili: { host: string; apiKey: string; dataDir: string };
  }
}

let server: ManagedServer | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dataDir = mkdtempSync(path.join(tmpdir(), 'zhpipe-test-meili-'));
  server = await startServer(dataDir, { detached: false });
  project.provide('meili', { host: server.host, apiKey: server.apiKey, dataDir });
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
