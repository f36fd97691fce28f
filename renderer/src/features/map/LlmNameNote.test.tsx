// @vitest-environment jsdom
// The legend's provenance of an LLM-proposed cluster name: shown as "named by <model>" with what the
// model saw, Accept makes it the user's name, and nothing shows once the user named the cluster.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MapCluster } from '@shared/api/map-contract';
import { LlmNameNote } from './LlmNameNote';

afterEach(cleanup);

const cluster = (over: Partial<MapCluster> = {}): MapCluster => ({
  id: 'c3',
  label: 'Distributed Training',
  autoLabel: 'billion parameters, path',
  renamed: false,
  llmName: {
    name: 'Distributed Training',
    model: 'qwen2.5:3b @ 127.0.0.1:11434',
    at: '2026-11-30T10:00:00.000Z',
    keywords: ['billion parameters', 'path'],
    titles: ['GShard', 'GPipe', 'DiPaCo'],
  },
  keywords: ['billion parameters', 'path'],
  size: 46,
  centralPaperIds: [],
  x: 0,
  y: 0,
  mergedFrom: [],
  ...over,
});

describe('LlmNameNote', () => {
  it('says which model named the cluster, from what, and accepts the name', () => {
    const accepted: string[] = [];
    render(<LlmNameNote cluster={cluster()} onAccept={(n) => accepted.push(n)} />);
    const note = screen.getByTestId('map-llm-note');
    expect(note.textContent).toContain('named by qwen2.5:3b @ 127.0.0.1:11434');
    const evidence = note.getAttribute('title')!;
    expect(evidence).toContain('billion parameters, path');
    expect(evidence).toContain('• GPipe');
    expect(evidence).toContain('Automatic label: billion parameters, path');
    fireEvent.click(screen.getByTestId('map-llm-accept'));
    expect(accepted).toEqual(['Distributed Training']);
  });

  it('shows nothing without a proposal, or once the user named the cluster', () => {
    render(<LlmNameNote cluster={cluster({ llmName: null })} onAccept={() => {}} />);
    render(<LlmNameNote cluster={cluster({ renamed: true, label: 'Mine' })} onAccept={() => {}} />);
    expect(screen.queryByTestId('map-llm-note')).toBeNull();
  });
});
