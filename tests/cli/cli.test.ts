// The `quire` CLI as users run it: a child process through bin/quire.mjs, on real library folders.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuire } from '../support/quire-cli';
import { FEED_PATH, HAS_FEED, NO_SHARED } from '../support/shared-data';

const quire = (args: string[]) => runQuire(args);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('quire CLI', () => {
  it('prints help listing the commands', async () => {
    const r = await quire(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['import', 'list', 'export', 'serve', '--library', '--json'])
      expect(r.stdout).toContain(c);
  });

  it('fails with one line and a non-zero exit on a missing file', async () => {
    const r = await quire(['import', join(tmp, 'nope.bib'), '--library', join(tmp, 'lib0')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^quire: .*nope\.bib/);
  });

  it.skipIf(!HAS_FEED)(
    'imports the sample feed, refuses duplicates, and round-trips through BibTeX',
    { timeout: 240_000 },
    async () => {
      const lib = join(tmp, 'q-test');
      const first = await quire(['import', FEED_PATH, '--library', lib, '--json']);
      expect(first.code, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({
        imported: 227,
        duplicateCount: 0,
        format: 'feed',
      });

      const second = await quire(['import', FEED_PATH, '--library', lib]);
      expect(second.stdout).toMatch(/Imported 0 papers .*227 duplicates/);

      const bib = await quire(['export', '--format', 'bibtex', '--library', lib]);
      expect(bib.code).toBe(0);
      const bibFile = join(tmp, 'x.bib');
      await writeFile(bibFile, bib.stdout);

      const lib2 = join(tmp, 'q-test-2');
      const third = await quire(['import', bibFile, '--library', lib2, '--json']);
      expect(JSON.parse(third.stdout)).toMatchObject({ imported: 227, format: 'bibtex' });

      const a = JSON.parse(
        (await quire(['list', '--library', lib, '--json', '--sort', 'title'])).stdout,
      );
      const b = JSON.parse(
        (await quire(['list', '--library', lib2, '--json', '--sort', 'title'])).stdout,
      );
      const pick = (r: { items: { title: string; abstract: string }[] }) =>
        r.items.map((p) => [p.title, p.abstract]);
      expect(b.total).toBe(227);
      expect(pick(b)).toEqual(pick(a));
    },
  );
  it.skipIf(HAS_FEED)(`feed round trip: ${NO_SHARED}`, () => {});

  it('exports every format to a file', { timeout: 180_000 }, async () => {
    const lib = join(tmp, 'lib-fmt');
    const src = join(tmp, 'two.jsonl');
    await writeFile(
      src,
      [
        '{"title":"Graph neural networks: a review","year":2020}',
        '{"title":"Sparse experts","tags":["moe"]}',
      ].join('\n'),
    );
    expect((await quire(['import', src, '--library', lib])).code).toBe(0);
    for (const format of ['bibtex', 'csl-json', 'csv', 'jsonl']) {
      const out = join(tmp, `out.${format}`);
      const r = await quire(['export', '--format', format, '--out', out, '--library', lib]);
      expect(r.code, r.stderr).toBe(0);
      expect(await readFile(out, 'utf8')).toContain('Sparse experts');
    }
    const listed = await quire(['list', '--library', lib, '--tag', 'moe']);
    expect(listed.stdout).toContain('1 of 1 papers');
  });
});
