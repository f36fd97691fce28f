// Test factory for an Annotation as the API answers it: a highlight of `exact`, anchored where it
// was made (by default at the start of the abstract), with `over` replacing any other field.
import type { Annotation } from '@shared/annotations/types';

export function makeAnnotation(
  exact: string,
  over: Partial<Annotation> = {},
  at: { start: number; end: number } = { start: 0, end: exact.length },
): Annotation {
  return {
    id: 'h1',
    paperId: 'p1',
    field: 'abstract',
    selectors: { quote: { exact, prefix: '', suffix: '' }, position: at },
    kind: 'claim',
    comment: '',
    created: '',
    modified: '',
    paperTitle: 'Paper one',
    anchor: { ...at, method: 'position' },
    orphaned: false,
    ...over,
  };
}
