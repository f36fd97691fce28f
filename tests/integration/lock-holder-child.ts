// Child of the write-lock tests: takes a library's write lock as the CLI would ("importing papers"),
// says "held <pid>", and keeps it until told "release" on stdin (or until it is killed).
import { WriteLock } from '../../electron/services/library/write-lock';

const dir = process.argv[2];
if (!dir) throw new Error('usage: lock-holder-child <libraryDir>');
const lock = new WriteLock(dir, { mode: 'cli', heartbeatMs: 1_000 });
const ctx = { signal: new AbortController().signal, onProgress: () => {} };
await lock.run('importing papers', ctx, async () => {
  process.stdout.write(`held ${process.pid}\n`);
  await new Promise<void>((resolve) => {
    process.stdin.on('data', (d: Buffer) => {
      if (d.toString().includes('release')) resolve();
    });
  });
});
process.stdout.write('released\n');
process.exit(0);
