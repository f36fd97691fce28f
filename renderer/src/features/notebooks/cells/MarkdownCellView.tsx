// Markdown cell: a monospace editor and a rendered preview (marked + KaTeX). Typing `@` offers
// library papers and inserts the stored reference `@[Title](paper:ID)`.
import { useRef, useState, type MouseEvent } from 'react';
import { paperRef } from '../../../../../shared/notebook/references';
import type { Paper } from '../../../../../shared/api/schemas';
import { renderMarkdown } from '../markdown';
import { SuggestList, suggestKeys, usePaperSuggestions } from '../PaperSuggest';
import type { CellViewProps } from './types';
import 'katex/dist/katex.min.css';

/** `@words` right before the caret, at the start or after a space: the reference being typed. */
const AT_RE = /(^|\s)@([^\n@[\]()]{0,60})$/;

/** Clicks on `@` references open the paper; other links open outside. */
export function onPaperRefClick(e: MouseEvent, openPaper: (id: string) => void): boolean {
  const a = (e.target as HTMLElement).closest('a');
  if (!a) return false;
  const id = a.getAttribute('data-paper-id');
  if (id) {
    e.preventDefault();
    openPaper(id);
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
  return (
    <div
      className="nb-markdown"
      data-testid={testId}
      onClick={(e) => {
        if (!onPaperRefClick(e, openPaper)) onClick?.();
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
  const [active, setActive] = useState(0);
  const papers = usePaperSuggestions(api, at ? at.query : null);

  const track = (el: HTMLTextAreaElement) => {
    const before = el.value.slice(0, el.selectionStart);
    const m = AT_RE.exec(before);
    if (m && el.selectionStart === el.selectionEnd) {
      const query = m[2] ?? '';
      setAt({ start: before.length - query.length - 1, query });
      if (query !== at?.query) setActive(0);
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
        onKeyDown={(e) => {
          if (at && suggestKeys(e, papers, active, setActive, pick, () => setAt(null))) {
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
      {at && <SuggestList papers={papers} active={active} onPick={pick} query={at.query} />}
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
