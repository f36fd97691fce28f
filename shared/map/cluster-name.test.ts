// Prompt building and answer cleaning for LLM cluster names (shared/map/cluster-name.ts).
import { describe, expect, it } from 'vitest';
import { MAX_NAME_CHARS, MAX_NAME_WORDS, buildNamePrompt, cleanName } from './cluster-name';

describe('buildNamePrompt', () => {
  it('lists the key phrases and the central titles, then asks for the name', () => {
    const p = buildNamePrompt({
      keywords: ['pipeline parallelism', ' mixture of experts '],
      titles: ['GShard: Scaling Giant Models', 'GPipe:\n Efficient   Training', ''],
    });
    expect(p).toBe(
      [
        'Key phrases: pipeline parallelism, mixture of experts',
        'Representative papers:',
        '- GShard: Scaling Giant Models',
        '- GPipe: Efficient Training',
        'Topic name:',
      ].join('\n'),
    );
  });

  it('clips very long titles and says when there are no key phrases', () => {
    const p = buildNamePrompt({ keywords: [], titles: ['x'.repeat(500)] });
    expect(p).toContain('Key phrases: (none)');
    const titleLine = p.split('\n').find((l) => l.startsWith('- '))!;
    expect(titleLine.length).toBeLessThan(200);
    expect(titleLine.endsWith('…')).toBe(true);
  });
});

describe('cleanName', () => {
  it.each([
    ['"Distributed Training"', 'Distributed Training'],
    ['“Graph Clustering”.', 'Graph Clustering'],
    ['\'"Scaling Laws"\'', 'Scaling Laws'],
    ['Topic name: Neural Scaling Laws', 'Neural Scaling Laws'],
    ['**Hyperparameter Transfer**', 'Hyperparameter Transfer'],
    ['\n\n  Graph Neural Networks\nThis group is about GNNs.', 'Graph Neural Networks'],
    ['- Reinforcement   Learning!', 'Reinforcement Learning'],
    ['1. Model Parallelism', 'Model Parallelism'],
  ])('%j → %j', (raw, name) => {
    expect(cleanName(raw)).toBe(name);
  });

  it('cuts an over-long answer to a few words within the character cap', () => {
    const long =
      'Large scale distributed training of giant neural networks with pipeline and expert parallelism';
    const name = cleanName(long)!;
    expect(name.split(' ').length).toBeLessThanOrEqual(MAX_NAME_WORDS);
    expect(name.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    expect(name).toBe('Large scale distributed training of giant');
    const oneWord = cleanName('x'.repeat(200))!;
    expect(oneWord.length).toBe(MAX_NAME_CHARS);
  });

  it('gives null when nothing usable is left', () => {
    expect(cleanName('')).toBeNull();
    expect(cleanName('\n  \n')).toBeNull();
    expect(cleanName('"" ...')).toBeNull();
    expect(cleanName('Topic name:')).toBeNull();
  });
});
