// The tagging service on bad or awkward input: empty vocabulary, missing descriptions, papers with no
// vector, no abstract or unknown words, no LLM, unknown names, and a cancelled run.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Progress } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import { paperRecord } from '../../../tests/support/paper';
import { topicPapers } from './fixtures';
import { TAGGING_FILE } from './tagging-store';
import {
  T,
  TAGS,
  api,
  dir,
  failure,
  library,
  open,
  services,
  useTempLibrary,
} from './tagging.fixtures';

useTempLibrary();

describe('bad input', () => {
  it('an empty vocabulary is a clear error', T, async () => {
    await library(topicPapers(2), []);
    const err = await failure(api.call('tagging:suggest', {}));
    expect(err).toMatchObject({ code: 'invalid_input' });
    expect(err.message).toMatch(/vocabulary is empty.*tags add/);
  });

  it('a tag with no description uses its name, with a warning', T, async () => {
    await library(topicPapers(6), [{ name: 'protein', description: '' }]);
    const r = await api.call('tagging:suggest', { tagger: 'zero-shot' });
    expect(r.warnings.join(' ')).toMatch(/"protein" has no description.*name alone/);
    expect(r.suggestions.length).toBeGreaterThan(0);
  });

  it('papers with no vectors yet are embedded first', T, async () => {
    // Papers written to the store directly have no vectors (as after a cancelled embedding).
    const papers = topicPapers(5);
    await services.close();
    const { PaperStore } = await import('../library/store');
    const store = await PaperStore.open(dir);
    await store.add(
      papers.map((p, i) =>
        paperRecord(`p${i}`, {
          title: p.title,
          abstract: p.abstract,
          addedAt: new Date(i).toISOString(),
          updatedAt: new Date(i).toISOString(),
        }),
      ),
    );
    await store.close();
    await open();
    for (const t of TAGS) await api.call('tags:add', t);
    const events: Progress[] = [];
    const r = await api.call(
      'tagging:suggest',
      { tagger: 'zero-shot' },
      { onProgress: (e) => events.push(e) },
    );
    expect(events.some((e) => e.phase === 'embed' && e.total === 20)).toBe(true);
    expect(r.suggestions.length).toBeGreaterThan(0);
  });

  it('a paper with no abstract is tagged from its title, with a warning', T, async () => {
    const papers = topicPapers(6).filter((p) => p.topic !== 'proteins');
    papers.push({
      title: 'Protein folding and enzyme binding structure',
      abstract: '',
      topic: 'proteins',
    });
    await library(papers);
    const r = await api.call('tagging:suggest', { tagger: 'zero-shot' });
    expect(r.warnings.join(' ')).toMatch(/1 paper\(s\) have no abstract/);
    const [p] = (await api.call('library:list', { text: 'Protein folding and enzyme' })).items;
    expect(
      r.suggestions.some((s) => s.paperId === p!.id && s.tag === 'proteins'),
      JSON.stringify([p, r.suggestions]),
    ).toBe(true);
  });

  it('a paper whose words the model does not know is reported as not tagged', T, async () => {
    const papers = topicPapers(4);
    papers.push({ title: 'Qqzx vvbnm', abstract: 'Zzqx wqrt pfft.', topic: 'none' });
    await library(papers);
    const r = await api.call('tagging:suggest', { tagger: 'zero-shot' });
    const [p] = (await api.call('library:list', { text: 'qqzx' })).items;
    expect(r.notTagged).toEqual([{ paperId: p!.id, reason: expect.stringMatching(/no vector/) }]);
  });

  it(
    '1,000 tags run, keep at most 5 suggestions per paper, and leave accepted tags alone',
    { timeout: 300_000 },
    async () => {
      const papers = topicPapers(4);
      papers[0]!.tags = ['kept'];
      const many = Array.from({ length: 1000 }, (_, i) => ({
        name: `tag-${i}`,
        description: `${['graph', 'protein', 'reward', 'ocean'][i % 4]} topic number ${i}`,
      }));
      await library(papers, many);
      const before = (await api.call('library:list', { limit: 1000 })).items.map((p) => p.tags);
      const r = await api.call('tagging:suggest', { tagger: 'zero-shot' });
      expect(r.warnings.join(' ')).toMatch(/1001 tags.*at most its 5 best/);
      expect((await api.call('tags:list', {})).length).toBe(1001);
      const perPaper = new Map<string, number>();
      for (const s of r.suggestions) perPaper.set(s.paperId, (perPaper.get(s.paperId) ?? 0) + 1);
      expect(Math.max(...perPaper.values())).toBeLessThanOrEqual(5);
      expect((await api.call('library:list', { limit: 1000 })).items.map((p) => p.tags)).toEqual(
        before,
      );
    },
  );

  it('--tagger llm without a provider says so; unknown tags and papers are named', T, async () => {
    await library(topicPapers(2));
    const err = await failure(api.call('tagging:suggest', { tagger: 'llm' }));
    expect(err).toMatchObject({ code: 'unavailable' });
    expect(err.message).toMatch(/No LLM provider is configured/);
    expect((await failure(api.call('tagging:suggest', { tags: ['nope'] }))).message).toMatch(
      /No tag "nope"/,
    );
    expect((await failure(api.call('tagging:suggest', { paperIds: ['nope'] }))).message).toMatch(
      /No paper with id "nope"/,
    );
  });

  it('a cancelled run stores nothing and keeps earlier decisions', T, async () => {
    await library(topicPapers(8));
    const first = await api.call('tagging:suggest', { tagger: 'zero-shot' });
    await api.call('tagging:decide', { ids: [first.suggestions[0]!.id], decision: 'accepted' });
    const before = await readFile(join(dir, TAGGING_FILE), 'utf8');
    const abort = new AbortController();
    abort.abort();
    const r = await api
      .call('tagging:suggest', { tagger: 'auto' }, { signal: abort.signal })
      .catch((e: QuireError) => e);
    if (r instanceof QuireError) expect(r.code).toBe('cancelled');
    else expect(r.cancelled).toBe(true);
    expect(await readFile(join(dir, TAGGING_FILE), 'utf8')).toBe(before);
  });
});
