// Locates ../shared (material beside the repo, absent on a user's fresh clone) for tests that use it.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');
export const FEED_PATH = join(SHARED_DIR, 'corpus', 'paper-feed.txt');
export const HAS_FEED = existsSync(FEED_PATH);
export const NO_SHARED =
  '../shared/corpus not present (fresh clone): skipping tests on the sample feed';
