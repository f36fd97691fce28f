// The `@` completion of a markdown editor: the reference being typed before the caret, the papers
// and highlights it matches, the active option (kept by identity), and inserting a paper reference
// or a highlight's quote (typed after `@`, or dropped from the paper pane).
import { useState, type RefObject } from 'react';
import type { Annotation } from '@shared/annotations/types';
import type { Paper } from '@shared/api/schemas';
import { paperRef } from '@shared/notebook/references';
import { useApi } from '../../../../apiContext';
import { useHighlightSuggestions } from '../../../annotations/HighlightSuggest';
import { quoteMarkdown } from '../../../annotations/quote';
import { useKinds } from '../../../annotations/useKinds';
import { usePaperSuggestions } from '../../PaperSuggest';

/** `@words` right before the caret, at the start or after a space: the reference being typed. */
const AT_RE = /(^|\s)@([^\n@[\]()]{0,60})$/;

export type Option = { paper: Paper } | { highlight: Annotation };
const keyOf = (o: Option) => ('paper' in o ? `p:${o.paper.id}` : `h:${o.highlight.id}`);

export function useReferenceCompletion(
  ref: RefObject<HTMLTextAreaElement | null>,
  value: string,
  onChange: (v: string) => void,
) {
  const api = useApi();
  const [at, setAt] = useState<{ start: number; query: string } | null>(null);
  // The active option by identity: papers and highlights answer separately, and an index would
  // jump to another option when the other list arrives (Enter would then insert the wrong one).
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const papers = usePaperSuggestions(at ? at.query : null);
  const highlights = useHighlightSuggestions(api, at ? at.query : null);
  const kinds = useKinds(api);
  const options: Option[] = [
    ...papers.map((paper) => ({ paper })),
    ...highlights.map((highlight) => ({ highlight })),
  ];
  // The first option shown is the default; pin it, so it stays the one Enter picks.
  if (activeKey === null && options[0]) setActiveKey(keyOf(options[0]));
  const active = Math.max(
    0,
    activeKey === null ? 0 : options.findIndex((o) => keyOf(o) === activeKey),
  );
  const setActive = (i: number) => {
    const o = options[i];
    setActiveKey(o ? keyOf(o) : null);
  };

  /** Follows the caret: opens, updates or closes the completion. */
  const track = (el: HTMLTextAreaElement) => {
    const before = el.value.slice(0, el.selectionStart);
    const m = AT_RE.exec(before);
    if (m && el.selectionStart === el.selectionEnd) {
      const query = m[2] ?? '';
      setAt({ start: before.length - query.length - 1, query });
      if (query !== at?.query) setActiveKey(null);
    } else setAt(null);
  };

  const placeCaret = (caret: number) => {
    const el = ref.current;
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  };

  const pick = (p: Paper) => {
    if (!ref.current || !at) return;
    const ref$ = paperRef(p.id, p.title);
    const end = at.start + 1 + at.query.length;
    onChange(value.slice(0, at.start) + ref$ + value.slice(end));
    setAt(null);
    placeCaret(at.start + ref$.length);
  };

  /** Puts a highlight's quote (a block) at [from, to), on lines of its own. */
  const insertQuote = (a: Annotation, from: number, to: number) => {
    // The quote starts a block: no dangling space left at the end of the line before it.
    const before = value.slice(0, from).replace(/[ \t]+$/, '');
    const after = value.slice(to);
    const lead =
      before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    const block =
      lead +
      quoteMarkdown(a, kinds.labelOf(a.kind)) +
      (after.startsWith('\n') || after === '' ? '' : '\n');
    onChange(before + block + after);
    setAt(null);
    placeCaret(before.length + block.length);
  };

  /** Replaces the `@query` being typed with a highlight's quote. */
  const quoteHere = (a: Annotation) => {
    if (at) insertQuote(a, at.start, at.start + 1 + at.query.length);
  };

  const pickOption = (o: Option) => ('paper' in o ? pick(o.paper) : quoteHere(o.highlight));

  /** A highlight dragged from the paper pane and dropped at `caret`. */
  const dropHighlight = (id: string, caret: number) =>
    api.call('annotations:get', { id }).then(
      (a) => insertQuote(a, caret, caret),
      () => {},
    );

  const close = () => setAt(null);
  return {
    at,
    papers,
    highlights,
    kinds,
    options,
    active,
    setActive,
    track,
    pick,
    pickOption,
    quoteHere,
    dropHighlight,
    close,
  };
}
