// The notebook methods, loading the notebooks service on the first notebook call: its cell
// registry pulls in the fit engine (mathjs, ~0.5 s to load) and the exporters (KaTeX, marked), which
// a CLI command or the app's first page over the library never needs (bench/startup).
import type { NotebookDeps, NotebookHandlers, NotebookMethod } from './index';

/** Every notebook method; the check below fails to compile when one is missing or unknown. */
const METHODS = [
  'notebooks:list',
  'notebooks:get',
  'notebooks:create',
  'notebooks:save',
  'notebooks:rename',
  'notebooks:duplicate',
  'notebooks:delete',
  'notebooks:undoDelete',
  'notebooks:search',
  'notebooks:cellTypes',
  'notebooks:runCell',
  'notebooks:runAll',
  'notebooks:export',
] as const satisfies readonly NotebookMethod[];
const everyMethodListed: Exclude<NotebookMethod, (typeof METHODS)[number]> extends never
  ? true
  : never = true;
void everyMethodListed;

type AnyHandler = (input: unknown, ctx: unknown) => Promise<unknown>;

export function lazyNotebookHandlers(deps: NotebookDeps): NotebookHandlers {
  let loaded: Promise<NotebookHandlers> | undefined;
  const load = () => (loaded ??= import('./index').then((m) => m.createNotebookHandlers(deps)));
  const handlers: Record<string, AnyHandler> = {};
  for (const name of METHODS)
    handlers[name] = async (input, ctx) => ((await load())[name] as AnyHandler)(input, ctx);
  return {
    ...(handlers as unknown as Omit<NotebookHandlers, 'close'>),
    close: async () => {
      if (loaded) await (await loaded).close();
    },
  };
}
