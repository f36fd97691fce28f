// `quire import` reports, in words, the records kept as a different work despite the same title.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { quireOk } from '../support/quire-cli';
import { REPO_ROOT } from '../support/shared-data';

const FIXTURE = join(REPO_ROOT, 'tests', 'fixtures', 'real-world', 'csv-zotero.csv');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-cli-report-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

it('lists same-title works kept apart, with the reason', async () => {
  const stdout = await quireOk(['import', FIXTURE, '--library', join(tmp, 'lib')]);
  expect(stdout).toContain('Imported 3 papers');
  expect(stdout).toContain('1 kept as a different work despite the same title:');
  expect(stdout).toContain(
    '"Exercise and mental health" (DOI 10.1016/j.maturitas.2017.09.003, not 10.2165/00007256-199009060-00006)',
  );
});
