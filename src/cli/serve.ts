// `zhpipe serve`: the web page and JSON API on 127.0.0.1 (by default). Off loopback a token is required,
// from --token or ZHPIPE_TOKEN, and checked on every API request.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Command } from 'commander';
import { InputError } from '../errors.js';
import { isLoopback } from '../server/auth.js';
import { createApp } from '../server/app.js';
import { workspace } from '../workflows/workspace.js';
import { connectFor, pipelineOf } from './context.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description('start the web interface and JSON API (search, facets, figures, targets, export)')
    .option('--port <n>', 'port (0: any free port)', '8080')
    .option('--host <host>', 'address to listen on; anything but loopback needs --token', '127.0.0.1')
    .option('--token <token>', 'token every API request must carry (default $ZHPIPE_TOKEN)')
    .option('--pipeline <file>', 'pipeline definition (index names, dictionaries)', 'pipeline/default.json')
    .action(async (options: { port: string; host: string; token?: string; pipeline: string }, command: Command) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port ${options.port}: expected a port number 0-65535`);
      const token = options.token ?? (process.env.ZHPIPE_TOKEN || undefined);
      const loopback = isLoopback(options.host);
      if (!loopback && !token) throw new InputError(`--host ${options.host} is reachable from other machines: give --token or set ZHPIPE_TOKEN`);
      if (token !== undefined && token.length < 12) throw new InputError('the token must be at least 12 characters');
      const config = pipelineOf(options.pipeline);
      const { client } = await connectFor(command, 'search');
      // When Meilisearch goes away, the API reconnects the way this start did: to the data directory's current
      // server (started if none runs), or to MEILI_HOST.
      const reconnect = async () => (await connectFor(command, 'search')).client;
      const server = createApp({ workspace: workspace(client, config), loopbackOnly: loopback, reconnect, ...(token ? { token } : {}) });
      server.listen(port, options.host);
      await once(server, 'listening');
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      process.stdout.write(`zhpipe serving on http://${shown}:${address.port}/${token ? '#token=<your token>' : ''}\n`);
      // Run until interrupted; close cleanly so the port is released at once.
      await new Promise<void>((resolve) => {
        const stop = () => server.close(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
