// Schwartz–Hearst abbreviation detection: the definitions abstracts really write, and the
// parentheses that are not definitions (years, references, enumerations, asides).
import { describe, expect, it } from 'vitest';
import { bestLongForm, findDefinitions } from './abbreviations';

describe('findDefinitions', () => {
  it.each([
    [
      'Architectures such as Graph Neural Networks (GNNs) learn on graphs.',
      { short: 'GNN', long: 'graph neural network' },
    ],
    [
      'A variety of graph neural network (GNN) models exist.',
      { short: 'GNN', long: 'graph neural network' },
    ],
    [
      'Recent advances in large language models (LLMs) show that',
      { short: 'LLM', long: 'large language model' },
    ],
    [
      'We combine simulation and reinforcement-learning (RL) to control traffic.',
      { short: 'RL', long: 'reinforcement learning' },
    ],
    [
      'We train a Long Short-Term Memory (LSTM) on the logs.',
      { short: 'LSTM', long: 'long short term memory' },
    ],
    [
      'They use message passing neural networks (MPNNs; Gilmer et al. 2017) as a baseline.',
      { short: 'MPNN', long: 'message passing neural network' },
    ],
    [
      'Each node runs a GNN (graph neural network) over its neighbours.',
      { short: 'GNN', long: 'graph neural network' },
    ],
  ])('finds the definition in %j', (text, def) => {
    expect(findDefinitions(text)).toEqual([def]);
  });

  it.each([
    'This was shown before (2019) on small graphs.',
    'The encoder is shared (see Section 3) by both heads.',
    'The loss has two terms (i) a reconstruction and (ii) a prior.',
    'The effect is significant (p < 0.05) in every run.',
    'We propose a new approach (BERT) to parsing.',
    'Our method outperforms theirs (ours) on every task.',
    'The models (e.g. GNNs) are trained jointly.',
    'The GNN model (GNN) is trained.',
    'Scaling laws (Kaplan et al.) predict the loss.',
    'A single word (X) is not an abbreviation.',
  ])('finds nothing in %j', (text) => {
    expect(findDefinitions(text)).toEqual([]);
  });

  it('finds each definition of a text, in order', () => {
    expect(
      findDefinitions(
        'We compare convolutional neural networks (CNNs) with vision transformers (ViTs).',
      ),
    ).toEqual([
      { short: 'CNN', long: 'convolutional neural network' },
      { short: 'ViT', long: 'vision transformer' },
    ]);
  });
});

describe('bestLongForm', () => {
  it('keeps the shortest long form whose first word starts the abbreviation', () => {
    expect(bestLongForm('GNN', 'we study deep graph neural networks')).toBe(
      'graph neural networks',
    );
    expect(bestLongForm('XYZ', 'graph neural networks')).toBeNull();
  });
});
