// Child of the SIGKILL test: saves one notebook over and over, alternating between two large
// versions, through the store's atomic write, until it is killed.
import { NotebookStore } from '../../electron/services/notebooks/store';
import { bigVersion } from './big-notebook';

const dir = process.argv[2];
if (!dir) throw new Error('usage: save-loop-child <dir>');
const store = await NotebookStore.open(dir);
const versions = [bigVersion('A'), bigVersion('B')];
let n = 0;
for (;;) {
  await store.write(versions[n % 2]!);
  n++;
  if (n === 1) process.stdout.write('ready\n');
}
