// The zhpipe command line. Exit status: 0 success, 1 runtime failure, 2 bad usage or bad input.
import { Command, CommanderError } from 'commander';
import { errorLine, exitCodeOf } from '../errors.js';
import { endQuietlyOnClosedPipe, terminalSafe } from './output.js';
import { VERSION } from '../pipeline/fingerprint.js';
import { corpusCommand } from './corpus.js';
import { dictCommand } from './dict.js';
import { entitiesCommand } from './entities.js';
import { figuresCommand } from './figures.js';
import { exportCommand } from './export.js';
import { ingestCommand } from './ingest.js';
import { meiliCommand } from './meili.js';
import { reindexCommand } from './reindex.js';
import { searchCommand } from './search.js';
import { serveCommand } from './serve.js';
import { targetsCommand } from './targets.js';

export function program(): Command {
  const root = new Command('zhpipe')
    .description('Pipeline and search for Chinese news text: search in either script, extract figures and targets, cut corpora.')
    .version(VERSION)
    .option('--data-dir <dir>', 'data directory (index server, keys, state); default $ZHPIPE_DATA_DIR or .zhpipe')
    .showHelpAfterError()
    .exitOverride();
  const commands = [ingestCommand(), reindexCommand(), searchCommand(), figuresCommand(), entitiesCommand(), dictCommand(), targetsCommand(), exportCommand(), corpusCommand(), serveCommand(), meiliCommand()];
  for (const command of commands) root.addCommand(command);
  // Subcommands inherit the error handling of the root.
  root.commands.forEach(function override(c: Command): void {
    c.exitOverride();
    c.commands.forEach(override);
  });
  return root;
}

export async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  try {
    await program().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; anything else commander rejects is bad usage.
      return err.exitCode === 0 ? 0 : 2;
    }
    // One line, whatever the error: file names in messages may hold control characters.
    process.stderr.write(`zhpipe: ${terminalSafe(errorLine(err)).replace(/\n/g, ' ')}\n`);
    return exitCodeOf(err);
  }
}
