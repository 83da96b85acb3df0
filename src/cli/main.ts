// The zhpipe command line. Exit status: 0 success, 1 runtime failure, 2 bad usage or bad input.
import { Command, CommanderError } from 'commander';
import { errorLine, exitCodeOf } from '../errors.js';
import { endQuietlyOnClosedPipe, terminalSafe } from '../formats/output.js';
import { VERSION } from '../pipeline/fingerprint.js';

// Each command's module is imported only when that command runs: start-up is most of a search's time, and a
// search needs neither nodejieba nor the entity and figure dictionaries that other commands load.
const COMMANDS: Record<string, () => Promise<Command>> = {
  ingest: async () => (await import('./ingest.js')).ingestCommand(),
  reindex: async () => (await import('./reindex.js')).reindexCommand(),
  search: async () => (await import('./search.js')).searchCommand(),
  figures: async () => (await import('./figures.js')).figuresCommand(),
  entities: async () => (await import('./entities.js')).entitiesCommand(),
  dict: async () => (await import('./dict.js')).dictCommand(),
  targets: async () => (await import('./targets.js')).targetsCommand(),
  export: async () => (await import('./export.js')).exportCommand(),
  corpus: async () => (await import('./corpus.js')).corpusCommand(),
  serve: async () => (await import('./serve.js')).serveCommand(),
  meili: async () => (await import('./meili.js')).meiliCommand(),
};

/** The command named on the command line (skipping the global options), if it is one of ours. */
export function commandNamed(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--data-dir') i++;
    else if (!arg.startsWith('-')) return Object.hasOwn(COMMANDS, arg) ? arg : undefined;
  }
  return undefined;
}

/** The program with the given commands (default: all, as help and unknown-command errors need). */
export async function program(names: string[] = Object.keys(COMMANDS)): Promise<Command> {
  const root = new Command('zhpipe')
    .description('Pipeline and search for Chinese news text: search in either script, extract figures and targets, cut corpora.')
    .version(VERSION)
    .option('--data-dir <dir>', 'data directory (index server, keys, state); default $ZHPIPE_DATA_DIR or .zhpipe')
    .showHelpAfterError()
    .exitOverride();
  for (const name of names) root.addCommand(await (COMMANDS[name] as () => Promise<Command>)());
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
    const named = commandNamed(argv.slice(2));
    await (await program(named ? [named] : undefined)).parseAsync(argv);
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
