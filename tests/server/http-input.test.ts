// Bad input at the HTTP API's passage route, against a real server process-side app and a real Meilisearch:
// a malformed percent-encoding in the path is the client's error (400, one message), not a 500 with a stack.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { workspace } from '../../src/workflows/workspace.js';
import { testClient, testConfig, uniqueIndexes } from '../helpers.js';

it('answers 400 with one clear message for /api/passages/%E0%A4%A (not 500 URIError)', async () => {
  const server = createApp({ workspace: workspace(testClient(), testConfig(uniqueIndexes('http-input'))), loopbackOnly: true });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/passages/%E0%A4%A`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string };
    expect(body.error).toBe('passage id: malformed percent-encoding');
  } finally {
    server.close();
  }
});
