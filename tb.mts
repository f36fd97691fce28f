import { PaperStore } from '/work/main/electron/services/library/store';
import { words } from '/work/main/electron/services/library/filter';
const store = await PaperStore.open(process.argv[2]!);
let t = performance.now();
store.withWords(words('graph'));
console.log('build ms', Math.round(performance.now() - t));
await store.close();
process.exit(0);
