// `zhpipe search "<query>"`: ranked passages in the script of the query, matches highlighted.
import { Command } from 'commander';
import { InputError } from '../errors.js';
import { parseFilter } from '../search/filter.js';
import { FacetName, search, type SearchResponse } from '../search/search.js';
import { Script } from '../schema.js';
import { loadRegional } from '../vocabulary.js';
import { collect, connectFor, pipelineOf } from './context.js';
import { resolveFromProject } from '../pipeline/config.js';

function render(response: SearchResponse, color: boolean): string {
  const out: string[] = [];
  const { query } = response;
  const shown = query.simplified !== query.text ? ` (searched as ${query.simplified})` : '';
  out.push(`${response.total} passage(s) for "${query.text}"${shown}\n`);
  response.hits.forEach((hit, i) => {
    const text = hit.highlight
      .replace(/<mark>/g, color ? '\x1b[1;33m' : '【')
      .replace(/<\/mark>/g, color ? '\x1b[0m' : '】')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    out.push(`${i + 1}. ${hit.doc}:${hit.line}  [${hit.start}-${hit.end}]  ${hit.id}`);
    out.push(`   ${text}`);
    const entities = [...hit.person, ...hit.place, ...hit.org];
    if (entities.length) out.push(`   · ${entities.join(' · ')}`);
    out.push('');
  });
  for (const [facet, counts] of Object.entries(response.facets)) {
    const top = Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 15);
    out.push(`${facet}: ${top.map(([k, n]) => `${k} (${n})`).join(', ') || '—'}`);
  }
  return out.join('\n') + '\n';
}

export function searchCommand(): Command {
  return new Command('search')
    .description('search the indexed passages in simplified or traditional Chinese')
    .argument('<query>', 'keywords, in either script')
    .option('--json', 'print the DESIGN.md JSON response')
    .option('--limit <n>', 'hits to return (1-100)', '10')
    .option('--offset <n>', 'hits to skip', '0')
    .option('--filter <expr>', 'FIELD OP VALUE (place = 上海, year >= 2024, has:target); repeatable, AND-ed', collect)
    .option('--facets <names>', `facet counts to print: ${FacetName.options.join(',')}`)
    .option('--script <script>', 'show results in simplified or traditional (default: the query\'s script)')
    .option('--pipeline <file>', 'pipeline definition (index names, dictionaries)', 'pipeline/default.json')
    .action(async (query: string, options: { json?: boolean; limit: string; offset: string; filter?: string[]; facets?: string; script?: string; pipeline: string }, command: Command) => {
      const config = pipelineOf(options.pipeline);
      const limit = Number(options.limit);
      const offset = Number(options.offset);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new InputError(`--limit ${options.limit}: expected a whole number from 1 to 100`);
      if (!Number.isInteger(offset) || offset < 0) throw new InputError(`--offset ${options.offset}: expected a whole number ≥ 0`);
      const facets = (options.facets ?? '').split(',').map((f) => f.trim()).filter(Boolean).map((f) => {
        const parsed = FacetName.safeParse(f);
        if (!parsed.success) throw new InputError(`--facets: unknown facet "${f}" (one of ${FacetName.options.join(', ')})`);
        return parsed.data;
      });
      let script: Script | undefined;
      if (options.script !== undefined) {
        const parsed = Script.safeParse(options.script);
        if (!parsed.success) throw new InputError(`--script ${options.script}: expected simplified or traditional`);
        script = parsed.data;
      }
      const filter = (options.filter ?? []).flatMap(parseFilter);
      const regional = loadRegional(resolveFromProject(config.dictionaries));
      const { client } = await connectFor(command, 'search');
      const response = await search({ client, index: config.index.passages, regional }, { q: query, limit, offset, facets, filter, ...(script ? { script } : {}) });
      process.stdout.write(options.json ? JSON.stringify(response) + '\n' : render(response, Boolean(process.stdout.isTTY)));
    });
}
