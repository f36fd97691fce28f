// Porter2 stemmer: the algorithm's own examples, and agreement with the reference implementation
// (Debian's python3-snowballstemmer) on every word of the sample feed where both are present.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEED_PATH, HAS_FEED, NO_SHARED } from '../../tests/support/shared-data';
import { stem } from './stem';

const reference = spawnSync('/usr/bin/python3', ['-c', 'import snowballstemmer'], {
  encoding: 'utf8',
});
const HAS_REFERENCE = reference.status === 0;

describe('stem (Porter2)', () => {
  it('stems word forms to one stem and keeps different words apart', () => {
    const pairs: [string, string][] = [
      ['networks', 'network'],
      ['network', 'network'],
      ['scaling', 'scale'],
      ['generalization', 'general'],
      ['consigned', 'consign'],
      ['knightly', 'knight'],
      ['however', 'howev'],
      ['how', 'how'],
      ['skies', 'sky'],
      ['news', 'news'],
      ['ties', 'tie'],
      ['cries', 'cri'],
      ['hopping', 'hop'],
      ['hoping', 'hope'],
      ['communication', 'communic'],
      ['generously', 'generous'],
    ];
    expect(pairs.map(([w]) => [w, stem(w)])).toEqual(pairs);
  });

  it('leaves words of one or two letters alone', () => {
    expect(['a', 'is', 'us'].map(stem)).toEqual(['a', 'is', 'us']);
  });

  it.skipIf(!HAS_FEED || !HAS_REFERENCE)(
    `agrees with the reference Snowball stemmer on every word of the sample feed${
      HAS_FEED
        ? HAS_REFERENCE
          ? ''
          : ' (skipped: python3-snowballstemmer not installed)'
        : ` (${NO_SHARED})`
    }`,
    () => {
      const words = [
        ...new Set(
          readFileSync(FEED_PATH, 'utf8')
            .toLowerCase()
            .match(/[a-z]+/gu) ?? [],
        ),
      ];
      const py = spawnSync(
        '/usr/bin/python3',
        [
          '-c',
          'import sys, snowballstemmer; s = snowballstemmer.stemmer("english"); ' +
            'print("\\n".join(s.stemWords(sys.stdin.read().split())))',
        ],
        { input: words.join('\n'), encoding: 'utf8', maxBuffer: 64 << 20 },
      );
      const expected = py.stdout.trim().split('\n');
      expect(expected.length).toBe(words.length);
      const differ = words.filter((w, i) => stem(w) !== expected[i]);
      expect(differ).toEqual([]);
    },
    60_000,
  );
});
