// Paper autocomplete shared by markdown `@` references, paper cells and table sources: library
// papers ranked by how well their title matches, then semantic hits; debounced, keyboard selectable.
import { displayName } from '@shared/papers/names';
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Api } from '@shared/api/client';
import type { Paper } from '@shared/api/schemas';
import { useApi } from '../../apiContext';
import { TexText } from '../../components/TexText';

export const SUGGEST_DEBOUNCE_MS = 120;
const SUGGEST_LIMIT = 8;

/**
 * Up to SUGGEST_LIMIT papers for `text`: title matches first (exact, prefix, phrase, words — the
 * library ranks them), then papers the words match elsewhere, then, when that leaves room, papers
 * semantic search finds (a description rather than the title). Semantic hits are best-effort: without
 * embeddings the word matches stand alone.
 */
async function suggest(api: Api, text: string, signal: AbortSignal): Promise<Paper[]> {
  const q = text.trim();
  const { items } = await api.call(
    'library:list',
    { text: q, sort: 'match', dir: 'asc', limit: SUGGEST_LIMIT },
    { signal },
  );
  if (items.length >= SUGGEST_LIMIT || q.length < 3) return items;
  const semantic = await api
    .call('search:query', { query: q, mode: 'vector', k: SUGGEST_LIMIT }, { signal })
    .then((r) => r.hits.map((h) => h.paper))
    .catch(() => [] as Paper[]);
  const seen = new Set(items.map((p) => p.id));
  const more = semantic.filter((p) => !seen.has(p.id)).slice(0, SUGGEST_LIMIT - items.length);
  return [...items, ...more];
}

/** Papers matching `query` (null = closed); out-of-date answers are dropped. */
export function usePaperSuggestions(query: string | null): Paper[] {
  const api = useApi();
  const [answer, setAnswer] = useState<{ query: string; papers: Paper[] } | null>(null);
  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      suggest(api, query, controller.signal).then(
        (papers) => {
          if (!controller.signal.aborted) setAnswer({ query, papers });
        },
        () => {
          if (!controller.signal.aborted) setAnswer({ query, papers: [] });
        },
      );
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, query]);
  return query !== null && answer?.query === query ? answer.papers : [];
}

/** Arrow keys move, Enter/Tab pick, Escape closes; returns true when it handled the key. */
export function suggestKeys<T = Paper>(
  e: KeyboardEvent,
  papers: readonly T[],
  active: number,
  setActive: (i: number) => void,
  pick: (p: T) => void,
  close: () => void,
): boolean {
  if (e.key === 'Escape') {
    close();
    return true;
  }
  if (papers.length === 0) return false;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const d = e.key === 'ArrowDown' ? 1 : -1;
    setActive((active + d + papers.length) % papers.length);
    return true;
  }
  if (e.key === 'Enter' || e.key === 'Tab') {
    const p = papers[Math.min(active, papers.length - 1)];
    if (p) pick(p);
    return true;
  }
  return false;
}

export function SuggestList({
  papers,
  active,
  onPick,
  query,
  extra,
}: {
  papers: Paper[];
  active: number;
  onPick(p: Paper): void;
  query: string;
  /** More options after the papers (a markdown cell's `@` also offers highlights). */
  extra?: ReactNode;
}) {
  return (
    <ul className="nb-suggest" role="listbox" data-testid="paper-suggest">
      {papers.length === 0 && !extra && (
        <li className="nb-suggest-empty">
          {query.trim() ? 'No papers match' : 'Type to find a paper by title'}
        </li>
      )}
      {papers.map((p, i) => (
        <li
          key={p.id}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          data-testid="paper-suggest-item"
          // mousedown, not click: keep the focus (and the caret) in the editor.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(p);
          }}
        >
          <span className="nb-suggest-title">
            <TexText text={p.title} />
          </span>
          <span className="nb-suggest-meta">
            {[p.authors.slice(0, 1).map(displayName)[0], p.year].filter(Boolean).join(' · ')}
          </span>
        </li>
      ))}
      {extra}
    </ul>
  );
}

/** A text box that finds a library paper and reports the pick. */
export function PaperPicker({
  onPick,
  placeholder = 'Find a paper by title…',
  autoFocus,
  testId = 'paper-picker',
}: {
  onPick(p: Paper): void;
  placeholder?: string;
  autoFocus?: boolean;
  testId?: string;
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const papers = usePaperSuggestions(open ? text : null);
  const pick = (p: Paper) => {
    setOpen(false);
    setText('');
    onPick(p);
  };
  return (
    <div className="nb-picker">
      <input
        type="search"
        className="nb-input"
        value={text}
        placeholder={placeholder}
        autoFocus={autoFocus}
        data-testid={testId}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (suggestKeys(e, papers, active, setActive, pick, () => setOpen(false)))
            e.preventDefault();
        }}
      />
      {open && <SuggestList papers={papers} active={active} onPick={pick} query={text} />}
    </div>
  );
}
