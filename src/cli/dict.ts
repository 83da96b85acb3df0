// `zhpipe dict add|remove|list`: the user's entity dictionary. Changes take effect on the next ingest; the
// names they touch are printed, so `zhpipe reindex --changed` can re-tag only the passages containing them.
import { Command, Option } from 'commander';
import path from 'node:path';
import { InputError } from '../errors.js';
import { EntityType } from '../schema.js';
import { changedNames, loadEntityDictionaries, USER_FILE } from '../stages/entities/index.js';
import { addEntry, listEntries, removeEntry } from '../stages/entities/user-dictionary.js';
import { collect } from './context.js';
import { formatRows, OutputFormat } from '../formats/output.js';

const DEFAULT_DIR = path.join('dictionaries', 'entities');

function parseType(value: string): EntityType {
  const parsed = EntityType.safeParse(value);
  if (!parsed.success) throw new InputError(`--type must be person, place or org (got "${value}")`);
  return parsed.data;
}

function parseFile(value: string): string {
  // Only a file of the dictionary folder, never a path elsewhere; the folder is --dir.
  if (path.basename(value) !== value || !value.endsWith('.txt'))
    throw new InputError(`--file must be a file name ending in .txt inside the dictionary folder (got "${value}")`);
  return value;
}

/** Runs an edit and reports which names changed (the input of `zhpipe reindex --changed`). */
function edit(dir: string, run: () => { file: string; action: string }): void {
  const before = loadEntityDictionaries(dir, { fresh: true });
  const result = run();
  const after = loadEntityDictionaries(dir, { fresh: true });
  const changed = changedNames(before, after);
  process.stdout.write(`${result.action} in ${result.file}\n`);
  process.stdout.write(changed.length ? `changed names: ${changed.join(' ')}\n` : 'no name changed\n');
  if (changed.length) process.stdout.write('takes effect on the next ingest; `zhpipe reindex --changed` re-tags only the passages with these names\n');
}

export function dictCommand(): Command {
  const dict = new Command('dict').description('add, remove and list entity names (persons, places, organizations) of the custom dictionaries');
  const dirOption = () => new Option('--dir <dir>', 'entity dictionary folder').default(DEFAULT_DIR);

  dict
    .command('add <name>')
    .description('add a name (or more aliases to it) to the user dictionary')
    .requiredOption('--type <type>', 'person, place or org', parseType)
    .option('--alias <alias>', 'another name that resolves to <name> (repeatable)', collect, [])
    .option('--file <file>', `dictionary file to write, inside --dir (default ${USER_FILE})`, parseFile)
    .addOption(dirOption())
    .action((name: string, opts: { type: EntityType; alias: string[]; file?: string; dir: string }) => {
      edit(opts.dir, () => addEntry(opts.dir, { name, type: opts.type, aliases: opts.alias }, opts.file ?? USER_FILE));
    });

  dict
    .command('remove <name>')
    .description('remove a name: deleted from the user dictionary, or blocked if a shipped dictionary defines it')
    .option('--file <file>', `dictionary file to edit, inside --dir (default ${USER_FILE})`, parseFile)
    .addOption(dirOption())
    .action((name: string, opts: { file?: string; dir: string }) => {
      edit(opts.dir, () => removeEntry(opts.dir, name, opts.file ?? USER_FILE));
    });

  dict
    .command('list')
    .description('list the names of the entity dictionaries')
    .option('--type <type>', 'only person, place or org', parseType)
    .option('--file <file>', 'only the names of this dictionary file', parseFile)
    .addOption(new Option('--format <format>', 'output format').choices(OutputFormat.options).default('table'))
    .addOption(dirOption())
    .action((opts: { type?: EntityType; file?: string; format: OutputFormat; dir: string }) => {
      const dicts = loadEntityDictionaries(opts.dir, { fresh: true });
      const rows = listEntries(dicts, { type: opts.type, file: opts.file }).map((e) => ({ ...e, aliases: e.aliases }));
      process.stdout.write(formatRows(rows, opts.format, ['name', 'type', 'aliases', 'file']));
    });
  return dict;
}
