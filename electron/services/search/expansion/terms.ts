// Content words for query expansion, from search's one tokenizer (../words.ts); kept as a module so
// the expansion code's imports stay as they are.
export { isStopWord, stemKey, words } from '../words';
