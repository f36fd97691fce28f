// Markdown cell: a monospace editor and a rendered preview (marked + KaTeX). Typing `@` offers
// library papers and inserts the stored reference `@[Title](paper:ID)`, or highlights, inserting
// the passage as a quote; dropping a highlight dragged from the paper pane quotes it too.
import { useContext, useRef, useState, type MouseEvent } from 'react';
import { ApiContext } from '../../../apiContext';
import { requestHighlightFocus } from '../../annotations/focusRequest';
import { HighlightOptions } from '../../annotations/HighlightSuggest';
import { HIGHLIGHT_MIME, highlightIdOf } from '../../annotations/quote';
import { renderMarkdown } from '../markdown';
import { SuggestList, suggestKeys } from '../PaperSuggest';
import { useReferenceCompletion } from './markdown/useReferenceCompletion';
import type { CellViewProps } from './types';
import 'katex/dist/katex.min.css';

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
  value,
  onChange,
  onDone,
  autoFocus,
  placeholder,
  rows,
}: {
  value: string;
  onChange(v: string): void;
  onDone?(): void;
  autoFocus?: boolean;
  placeholder?: string;
  rows?: number;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const c = useReferenceCompletion(ref, value, onChange);
  const { at } = c;
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
          c.track(e.target);
        }}
        onSelect={(e) => {
          if (at) c.track(e.currentTarget);
        }}
        onBlur={() => {
          c.close();
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
          void c.dropHighlight(id, e.currentTarget.selectionStart);
        }}
        onKeyDown={(e) => {
          if (at && suggestKeys(e, c.options, c.active, c.setActive, c.pickOption, c.close)) {
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
          papers={c.papers}
          active={c.active}
          onPick={c.pick}
          query={at.query}
          extra={
            c.highlights.length > 0 ? (
              <HighlightOptions
                items={c.highlights}
                kinds={c.kinds}
                active={c.active - c.papers.length}
                onPick={c.quoteHere}
              />
            ) : undefined
          }
        />
      )}
    </div>
  );
}

export function MarkdownCellView({ cell, onChange, openPaper }: CellViewProps) {
  const source = cell.source ?? '';
  const [editing, setEditing] = useState(source.trim() === '');
  if (editing)
    return (
      <MarkdownEditor
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
