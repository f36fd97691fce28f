// Cluster names from the configured LLM: for each cluster (or the given ones), a prompt of its key
// phrases and central titles, the answer cleaned and stored with its provenance (model, time, input).
import type { CallContext } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import { NAME_MAX_TOKENS, NAME_SYSTEM, buildNamePrompt, cleanName } from '@shared/map/cluster-name';
import type { OpenGenerator } from '../tagging/llm/generate';
import type { StoredMap } from './map-file';

/** Sets `llmName` on the target clusters of `stored` (in place); throws when none got a name. */
export async function nameClusters(
  stored: StoredMap,
  clusterIds: string[] | undefined,
  ctx: Pick<CallContext, 'signal' | 'onProgress'>,
  open: () => OpenGenerator,
  titleOf: (paperId: string) => string | undefined,
): Promise<void> {
  for (const id of clusterIds ?? [])
    if (!stored.clusters.some((c) => c.id === id))
      throw new QuireError('not_found', `The map has no cluster ${id}.`);
  const targets = clusterIds
    ? stored.clusters.filter((c) => clusterIds.includes(c.id))
    : stored.clusters.filter((c) => c.userLabel === null);
  const gen = open(); // throws "No LLM is configured…" before any work
  const failures: string[] = [];
  let named = 0;
  try {
    ctx.onProgress({ phase: 'name', done: 0, total: targets.length });
    for (const [i, c] of targets.entries()) {
      if (ctx.signal.aborted) throw new QuireError('cancelled', 'Cancelled.');
      const titles = c.centralPaperIds
        .map((id) => titleOf(id) ?? '')
        .filter((t) => t.trim() !== '');
      const prompt = buildNamePrompt({ keywords: c.keywords, titles });
      const raw = await gen.generate(
        { system: NAME_SYSTEM, user: prompt, maxTokens: NAME_MAX_TOKENS },
        ctx.signal,
      );
      const name = cleanName(raw);
      if (name === null) failures.push(`${c.id}: ${JSON.stringify(raw.slice(0, 80))}`);
      else {
        c.llmName = {
          name,
          model: gen.model,
          at: new Date().toISOString(),
          keywords: [...c.keywords],
          titles,
        };
        named++;
      }
      ctx.onProgress({ phase: 'name', done: i + 1, total: targets.length });
    }
  } finally {
    await gen.close();
  }
  if (ctx.signal.aborted) throw new QuireError('cancelled', 'Cancelled.');
  if (targets.length > 0 && named === 0)
    throw new QuireError(
      'internal',
      `${gen.model} gave no usable name (its answers: ${failures.slice(0, 3).join('; ')}).`,
    );
}
