// Markdown cell: a monospace editor and a rendered preview (marked + KaTeX). Typing `@` offers
// library papers and inserts the stored reference `@[Title](paper:ID)`, or highlights, inserting
// the passage as a quote; dropping a highlight dragged from the paper pane quotes it too.
import { useContext, useRef, useState, type MouseEvent } from 'react';
import { paperRef } from '../../../../../shared/notebook/references';
import type { Paper } from '../../../../../shared/api/schemas';
import type { Annotation } from '../../../../../shared/annotations/types';
import { ApiContext } from '../../../apiContext';
import { requestHighlightFocus } from '../../annotations/focusRequest';
import { HighlightOptions, useHighlightSuggestions } from '../../annotations/HighlightSuggest';
import { HIGHLIGHT_MIME, highlightIdOf, quoteMarkdown } from '../../annotations/quote';
import { useKinds } from '../../annotations/useKinds';
import { renderMarkdown } from '../markdown';
import { SuggestList, suggestKeys, usePaperSuggestions } from '../PaperSuggest';
import type { CellViewProps } from './types';
import 'katex/dist/katex.min.css';

/** `@words` right before the caret, at the start or after a space: the reference being typed. */
const AT_RE = /(^|\s)@([^\n@[\]()]{0,60})$/;

/**
 * Clicks on `@` references open the paper; a quote's link back to its highlight opens the paper
 * at that highlight (`openHighlight`); other links open outside.
 */
export function onPaperRefClick(
  e: MouseEvent,
  openPaper: (id: string) => void,
  openHighlight?: (id: string) => void,
): boolean {
  const a = (e.target as HTMLElement).closest('a');
  if (!a) return false;
  const id = a.getAttribute('data-paper-id');
  const highlight = highlightIdOf(a.getAttribute('href') ?? '');
  if (id) {
    e.preventDefault();
    openPaper(id);
  } else if (highlight !== null) {
    e.preventDefault();
    openHighlight?.(highlight);
  }
  return true;
}

export function MarkdownView({
  source,
  openPaper,
  onClick,
  testId = 'markdown-preview',
}: {
  source: string;
  openPaper(id: string): void;
  onClick?(): void;
  testId?: string;
}) {
  // Nullable: a preview rendered without the app around it (tests) still shows its links.
  const api = useContext(ApiContext);
  const openHighlight = (id: string) => {
    api?.call('annotations:get', { id }).then(
      (a) => {
        requestHighlightFocus(a.id);
        openPaper(a.paperId);
      },
      () => {},
    );
  };
  return (
    <div
      className="nb-markdown"
      data-testid={testId}
      onClick={(e) => {
        if (!onPaperRefClick(e, openPaper, openHighlight)) onClick?.();
      }}
      // marked output with raw HTML escaped and links filtered, KaTeX output: see ../markdown.ts.
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
    />
  );
}

/** A textarea with `@` paper completion; used by markdown cells and paper annotations. */
export function MarkdownEditor({
  api,
  value,
  onChange,
  onDone,
  autoFocus,
  placeholder,
  rows,
}: {
  api: CellViewProps['api'];
  value: string;
  onChange(v: string): void;
  onDone?(): void;
  autoFocus?: boolean;
  placeholder?: string;
  rows?: number;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [at, setAt] = useState<{ start: number; query: string } | null>(null);
  // The active option by identity: papers and highlights answer separately, and an index would
  // jump to another option when the other list arrives (Enter would then insert the wrong one).
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const papers = usePaperSuggestions(api, at ? at.query : null);
  const highlights = useHighlightSuggestions(api, at ? at.query : null);
  const kinds = useKinds(api);
  type Option = { paper: Paper } | { highlight: Annotation };
  const options: Option[] = [
    ...papers.map((paper) => ({ paper })),
    ...highlights.map((highlight) => ({ highlight })),
  ];
  const keyOf = (o: Option) => ('paper' in o ? `p:${o.paper.id}` : `h:${o.highlight.id}`);
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

  const track = (el: HTMLTextAreaElement) => {
    const before = el.value.slice(0, el.selectionStart);
    const m = AT_RE.exec(before);
    if (m && el.selectionStart === el.selectionEnd) {
      const query = m[2] ?? '';
      setAt({ start: before.length - query.length - 1, query });
      if (query !== at?.query) setActiveKey(null);
    } else setAt(null);
  };

  const pick = (p: Paper) => {
    const el = ref.current;
    if (!el || !at) return;
    const ref$ = paperRef(p.id, p.title);
    const end = at.start + 1 + at.query.length;
    const next = value.slice(0, at.start) + ref$ + value.slice(end);
    onChange(next);
    setAt(null);
    const caret = at.start + ref$.length;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(caret, caret);
    });
  };

  /** Puts a highlight's quote (a block) at [from, to), on lines of its own. */
  const insertQuote = (a: Annotation, from: number, to: number) => {
    const el = ref.current;
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
    const caret = before.length + block.length;
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  };

  const pickOption = (o: Option) => {
    if ('paper' in o) pick(o.paper);
    else if (at) insertQuote(o.highlight, at.start, at.start + 1 + at.query.length);
  };

  return (
    <div className="nb-md-editor">
      <textarea
        ref={ref}
        className="nb-code"
        data-testid="cell-editor"
        value={value}
        rows={rows ?? Math.min(24, Math.max(3, value.split('\n').length + 1))}
        placeholder={placeholder}
        autoFocus={autoFocus}
        spellCheck
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target);
        }}
        onSelect={(e) => {
          if (at) track(e.currentTarget);
        }}
        onBlur={() => {
          setAt(null);
          onDone?.();
        }}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes(HIGHLIGHT_MIME)) e.preventDefault();
        }}
        onDrop={(e) => {
          const id = e.dataTransfer.getData(HIGHLIGHT_MIME);
          if (!id) return;
          // Our own insertion (whole lines, at the caret) rather than the browser's plain text drop.
          e.preventDefault();
          const at$ = e.currentTarget.selectionStart;
          api.call('annotations:get', { id }).then(
            (a) => insertQuote(a, at$, at$),
            () => {},
          );
        }}
        onKeyDown={(e) => {
          if (at && suggestKeys(e, options, active, setActive, pickOption, () => setAt(null))) {
            e.preventDefault();
            e.stopPropagation();
            return;
          }
          if ((e.key === 'Escape' || (e.key === 'Enter' && e.shiftKey)) && onDone) {
            e.preventDefault();
            onDone();
          }
        }}
      />
      {at && (
        <SuggestList
          papers={papers}
          active={active}
          onPick={pick}
          query={at.query}
          extra={
            highlights.length > 0 ? (
              <HighlightOptions
                items={highlights}
                kinds={kinds}
                active={active - papers.length}
                onPick={(a) => insertQuote(a, at.start, at.start + 1 + at.query.length)}
              />
            ) : undefined
          }
        />
      )}
    </div>
  );
}

export function MarkdownCellView({ api, cell, onChange, openPaper }: CellViewProps) {
  const source = cell.source ?? '';
  const [editing, setEditing] = useState(source.trim() === '');
  if (editing)
    return (
      <MarkdownEditor
        api={api}
        value={source}
        autoFocus={source.trim() !== ''}
        placeholder="Write Markdown: $math$, $$display math$$, @ to cite a paper"
        onChange={(v) => onChange({ ...cell, source: v })}
        onDone={() => {
          if (source.trim() !== '') setEditing(false);
        }}
      />
    );
  return <MarkdownView source={source} openPaper={openPaper} onClick={() => setEditing(true)} />;
}
