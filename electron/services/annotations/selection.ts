// Where a new highlight goes: a selection (field and offsets) checked against the paper, or a quote
// found in the title or abstract; answers the W3C selectors that keep it anchored.
import type { ParsedInputOf } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { Paper } from '@shared/api/schemas';
import { findQuote, selectorsOf } from '@shared/annotations/anchor';
import type { AnnotationField, StoredAnnotation } from '@shared/annotations/types';

/** The field and selectors of the passage `input` names; a clear message when it names none. */
export function selectionIn(
  paper: Paper,
  input: ParsedInputOf<'annotations:add'>,
): { field: AnnotationField; selectors: StoredAnnotation['selectors'] } {
  const { field, start, end } = rangeIn(paper, input);
  try {
    return { field, selectors: selectorsOf(paper[field], start, end) };
  } catch (err) {
    throw new QuireError('invalid_input', `Cannot highlight that: ${(err as Error).message}.`);
  }
}

function rangeIn(
  paper: Paper,
  input: ParsedInputOf<'annotations:add'>,
): { field: AnnotationField; start: number; end: number } {
  if (input.start !== undefined && input.end !== undefined && input.field) {
    const { field, start, end } = input;
    const length = paper[field].length;
    if (end > length)
      throw new QuireError(
        'invalid_input',
        `The selection ${start}–${end} is outside the paper's ${field} (${length} characters).`,
      );
    return { field, start, end };
  }
  const quote = input.quote ?? '';
  const fields: AnnotationField[] = input.field ? [input.field] : ['title', 'abstract'];
  const found = fields
    .map((f) => ({ f, at: findQuote(paper[f], quote) }))
    .find((x) => x.at !== null);
  if (!found?.at) {
    const shown = quote.length > 80 ? `${quote.slice(0, 80)}…` : quote;
    throw new QuireError(
      'invalid_input',
      `The quote "${shown}" does not occur in the paper's ${fields.join(' or ')}.`,
    );
  }
  return { field: found.f, ...found.at };
}
