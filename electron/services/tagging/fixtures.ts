// Test papers for the tagging tests: short abstracts on four topics, written for these tests from
// topic word lists (seeded), so each topic's papers share vocabulary the bundled model knows.
import { mulberry32 } from '@shared/random';
const TOPICS: Record<string, string[]> = {
  graphs:
    `graph node nodes edge edges neighbours message passing network vertex adjacency spectral community clustering link prediction`.split(
      ' ',
    ),
  reinforcement:
    `agent reward policy environment action exploration trajectory robot control planning value episode game`.split(
      ' ',
    ),
  proteins:
    `protein proteins amino acid folding structure molecule enzyme binding sequence biology cell gene`.split(
      ' ',
    ),
  climate:
    `climate ocean temperature rainfall atmosphere carbon warming ice drought forest weather season`.split(
      ' ',
    ),
};
const FILLER =
  `we study a method that improves results on several benchmarks and shows how the approach behaves in practice`.split(
    ' ',
  );

const rng = mulberry32;

export type FixturePaper = { title: string; abstract: string; tags?: string[]; topic: string };

/** `perTopic` papers per topic; paper i of a topic is titled "<Topic> study i". */
export function topicPapers(perTopic: number, seed = 7): FixturePaper[] {
  const r = rng(seed);
  const out: FixturePaper[] = [];
  for (const [topic, words] of Object.entries(TOPICS)) {
    for (let i = 0; i < perTopic; i++) {
      const pick = (xs: string[]) => xs[Math.floor(r() * xs.length)]!;
      const body = Array.from({ length: 40 }, () => (r() < 0.55 ? pick(words) : pick(FILLER)));
      out.push({
        title: `${topic[0]!.toUpperCase()}${topic.slice(1)} study ${i}: ${pick(words)} and ${pick(words)}`,
        abstract: body.join(' ') + '.',
        topic,
      });
    }
  }
  return out;
}

export const toJsonl = (papers: FixturePaper[]) =>
  papers
    .map(({ title, abstract, tags }) => JSON.stringify({ title, abstract, tags: tags ?? [] }))
    .join('\n');
