// `zhpipe meili start|stop|status`: the managed local Meilisearch of the data directory.
import { Command } from 'commander';
import { serverStatus, startServer, stopServer, type ServerState } from '../meili/server.js';
import { dataDirOf } from './context.js';

const threads = (state?: ServerState) => (state?.indexingThreads ? `, indexing with ${state.indexingThreads} thread(s)` : '');

export function meiliCommand(): Command {
  const meili = new Command('meili').description('manage the local Meilisearch server (data in the data directory)');
  meili
    .command('start')
    .description('start Meilisearch on 127.0.0.1 (a free port) in the background')
    .action(async (_options: unknown, command: Command) => {
      const dataDir = dataDirOf(command);
      const server = await startServer(dataDir, { detached: true });
      const { state } = await serverStatus(dataDir);
      process.stdout.write(`Meilisearch running at ${server.host} (pid ${server.pid}${threads(state)}), data in ${dataDir}\n`);
    });
  meili
    .command('stop')
    .description('stop the managed Meilisearch')
    .action(async (_options: unknown, command: Command) => {
      const dataDir = dataDirOf(command);
      const { stopped, foreign } = await stopServer(dataDir);
      if (foreign) {
        process.stderr.write(
          `zhpipe: ${dataDir}/meili.json names pid ${foreign.pid}, which is not this data directory's Meilisearch (it runs: ${foreign.command}); left it alone\n`,
        );
      }
      process.stdout.write(stopped ? `Meilisearch stopped (${dataDir})\n` : `Meilisearch was not running (${dataDir})\n`);
    });
  meili
    .command('status')
    .description('say whether the managed Meilisearch runs (exit 0) or not (exit 1)')
    .option('--json', 'print the status as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const dataDir = dataDirOf(command);
      const status = await serverStatus(dataDir);
      if (options.json) process.stdout.write(JSON.stringify({ dataDir, ...status }) + '\n');
      else if (status.running && status.state) {
        process.stdout.write(
          `running at ${status.state.host} (pid ${status.state.pid}, ${status.healthy ? 'healthy' : 'not answering'}${threads(status.state)}), data in ${dataDir}\n`,
        );
      } else process.stdout.write(`not running (data in ${dataDir})\n`);
      if (!status.running || !status.healthy) process.exitCode = 1;
    });
  return meili;
}
