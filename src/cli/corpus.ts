// `zhpipe corpus save|list|run|delete`: named corpus definitions (query + filters) kept in the data
// directory, re-run later with `zhpipe corpus run <name> --out F`.
import { Command } from 'commander';
import { deleteCorpus, listCorpora, loadCorpus, saveCorpus } from '../workflows/corpora.js';
import { collect, dataDirOf } from './context.js';
import { runExport } from './export.js';
import { toTable } from '../formats/output.js';
import { InputError } from '../errors.js';

export function corpusCommand(): Command {
  const corpus = new Command('corpus').description('save, list, re-run and delete named corpus definitions (query + filters)');
  corpus
    .command('save')
    .description('save a corpus definition under a name (replaces one of the same name)')
    .argument('<name>', 'letters, digits, _ or -')
    .option('--query <text>', 'keywords in either script', '')
    .option('--filter <expr>', 'FIELD OP VALUE; repeatable, AND-ed', collect)
    .action((name: string, options: { query: string; filter?: string[] }, command: Command) => {
      const saved = saveCorpus(dataDirOf(command), { name, query: options.query, filter: options.filter ?? [] });
      process.stdout.write(`saved corpus "${saved.name}"\n`);
    });
  corpus
    .command('list')
    .description('list the saved corpus definitions')
    .option('--json', 'one JSON object per line')
    .action((options: { json?: boolean }, command: Command) => {
      const all = listCorpora(dataDirOf(command));
      if (options.json) process.stdout.write(all.map((c) => JSON.stringify(c) + '\n').join(''));
      else if (all.length === 0) process.stdout.write('no saved corpora (create one with `zhpipe corpus save <name> --query …`)\n');
      else
        process.stdout.write(
          toTable(
            all.map((c) => ({ ...c, filter: c.filter.join(' AND ') })),
            ['name', 'query', 'filter', 'savedAt'],
            60,
          ),
        );
    });
  corpus
    .command('run')
    .description('export a saved corpus definition')
    .argument('<name>')
    .requiredOption('--out <file>', 'output file: .jsonl or .csv')
    .option('--format <format>', 'jsonl or csv (default: from the --out extension)')
    .option('--pipeline <file>', 'pipeline definition (index names, dictionaries)', 'pipeline/default.json')
    .action(async (name: string, options: { out: string; format?: string; pipeline: string }, command: Command) => {
      const saved = loadCorpus(dataDirOf(command), name);
      await runExport(
        { query: saved.query, filter: saved.filter, out: options.out, pipeline: options.pipeline, ...(options.format ? { format: options.format } : {}) },
        command,
      );
    });
  corpus
    .command('delete')
    .description('delete a saved corpus definition')
    .argument('<name>')
    .action((name: string, _options: unknown, command: Command) => {
      if (!deleteCorpus(dataDirOf(command), name)) throw new InputError(`no saved corpus "${name}" (see \`zhpipe corpus list\`)`);
      process.stdout.write(`deleted corpus "${name}"\n`);
    });
  return corpus;
}
