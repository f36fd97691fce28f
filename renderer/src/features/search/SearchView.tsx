// The Search view: one search box (hybrid, semantic or keyword), results as you type with the
// matched terms highlighted, keyboard navigation, filters, "more like this", and the paper pane.
import {
  TagSelect,
  liveTagValue,
  parseTagFilter,
  type ClusterOption,
} from '../../components/TagSelect';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type {
  SearchFilters,
  SearchHit,
  SearchMode,
  TagCount,
} from '../../../../shared/api/schemas';
import { useApi } from '../../apiContext';
import { useRequests } from '../../navigation/useRequests';
import { Icon } from '../../components/Icon';
import { EmbeddingsLine } from './EmbeddingsLine';
import { TexSnippet, TexText } from '../../components/TexText';
import { HitHighlights } from '../annotations/HitHighlights';
import { HitTitle } from '../annotations/HitTitle';
import { MatchExplanation } from './MatchExplanation';
import { NoCloseMatch, WeakResultsNote } from './NoCloseMatch';
import { RelevanceScore } from './RelevanceScore';
import { useEmbeddings } from './useEmbeddings';
import { useSearch, type SearchRequest } from './useSearch';
import './search.css';

export const MODE_KEY = 'quire.search.mode';

export const MODE_LABELS: Record<SearchMode, string> = {
  hybrid: 'Hybrid',
  vector: 'Semantic',
  fts: 'Keyword',
};
const MODE_TITLES: Record<SearchMode, string> = {
  hybrid: 'Meaning and keywords together (best for most queries)',
  vector: 'By meaning: finds papers that say it in other words',
  fts: 'By keywords: exact words, names and acronyms',
};
const MODES: SearchMode[] = ['hybrid', 'vector', 'fts'];

function readMode(): SearchMode {
  try {
    const m = localStorage.getItem(MODE_KEY);
    if (m === 'hybrid' || m === 'vector' || m === 'fts') return m;
  } catch {
    // Storage may be disabled.
  }
  return 'hybrid';
}

export type SimilarTo = { id: string; title: string };

type Props = {
  /** The view is visible (polls and the embeddings line only then). */
  active: boolean;
  version: number;
  tags: TagCount[];
  /** Tags with suggestions waiting for review, offered as "suggested: X". */
  suggestedTags?: TagCount[];
  /** Clusters of the topic map, offered in the tag filter. */
  clusters?: ClusterOption[];
  /** The paper shown in the pane beside the results. */
  openId: string | null;
  onOpen(id: string): void;
  /** "More like this": show papers like this one instead of the query's results. */
  similarTo: SimilarTo | null;
  onExitSimilar(): void;
  onImport(): void;
  pane: ReactNode;
};

function parseYear(s: string): number | undefined {
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) && /^\s*\d{1,4}\s*$/.test(s) ? n : undefined;
}

export function SearchView(props: Props) {
  const { active, version, tags, openId, onOpen, similarTo, onExitSimilar } = props;
  const api = useApi();
  const [input, setInput] = useState('');
  const [mode, setModeState] = useState<SearchMode>(readMode);
  const [tag, setTag] = useState('');
  const [yearFrom, setYearFrom] = useState('');
  const [yearTo, setYearTo] = useState('');
  const [nonce, setNonce] = useState(0);
  const [cursor, setCursor] = useState<{ key: string | null; i: number }>({ key: null, i: 0 });
  /** The search whose weak results the user asked to see despite "no close match". */
  const [weakFor, setWeakFor] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const setMode = (m: SearchMode) => {
    setModeState(m);
    try {
      localStorage.setItem(MODE_KEY, m);
    } catch {
      // Remembered for this session only.
    }
  };

  const activeTag = liveTagValue(tag, tags, props.suggestedTags, props.clusters);
  const filters: SearchFilters = { ...parseTagFilter(activeTag) };
  const yf = parseYear(yearFrom);
  const yt = parseYear(yearTo);
  if (yf !== undefined) filters.yearFrom = yf;
  if (yt !== undefined) filters.yearTo = yt;
  const filtered = Object.keys(filters).length > 0;

  const query = input.trim();
  const req: SearchRequest | null = similarTo
    ? { kind: 'similar', id: similarTo.id, filters }
    : query
      ? { kind: 'query', query, mode, filters }
      : null;
  const search = useSearch(api, req, `${version}.${nonce}`);
  const rerun = useCallback(() => setNonce((n) => n + 1), []);
  const emb = useEmbeddings(api, active, version, rerun);

  const found: SearchHit[] = search.result?.hits ?? [];
  // No hit likely to be relevant: the weak ones wait behind a click instead of posing as answers.
  const hideWeak = !!search.result?.noCloseMatch && found.length > 0 && weakFor !== search.key;
  const hits = hideWeak ? [] : found;
  const cur = cursor.key === search.key ? Math.min(cursor.i, hits.length - 1) : 0;
  const moveTo = (i: number) => setCursor({ key: search.key, i });

  // Arriving at the view puts the cursor in the box: the view is for typing.
  useEffect(() => {
    if (active) inputRef.current?.focus();
  }, [active]);

  // `/` and the palette ask for the box (a request: see navigation/requests.ts).
  useRequests('search', () => {
    inputRef.current?.focus();
    inputRef.current?.select();
  });

  // Keep the highlighted hit in view while moving with the keyboard.
  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${cur}"]`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [cur]);

  const clear = () => {
    setInput('');
    if (similarTo) onExitSimilar();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (hits.length === 0) return;
      e.preventDefault();
      const d = e.key === 'ArrowDown' ? 1 : -1;
      moveTo(Math.max(0, Math.min(hits.length - 1, cur + d)));
    } else if (e.key === 'Enter') {
      const hit = hits[cur];
      if (hit) {
        e.preventDefault();
        onOpen(hit.paper.id);
      }
    } else if (e.key === 'Escape') {
      if (input || similarTo) {
        e.preventDefault();
        e.stopPropagation();
        clear();
      }
    }
  };

  const result = search.result;
  const state = !search.key
    ? 'idle'
    : search.error
      ? 'error'
      : search.loading
        ? 'loading'
        : hideWeak
          ? 'no-close-match'
          : hits.length
            ? 'results'
            : 'empty';
  const top = hits[0]?.score ?? 0;
  const otherModes = MODES.filter((m) => m !== mode && m !== 'hybrid');
  const statusText = (() => {
    if (!search.key) return '';
    if (search.error) return 'Search failed';
    // Until the answer to the current request arrives, the hits on screen belong to the previous one.
    if (!result || !search.fresh) return 'Searching…';
    const n = result.hits.length;
    const what = similarTo
      ? `${n} similar ${n === 1 ? 'paper' : 'papers'}`
      : result.noCloseMatch && n > 0
        ? `No close match · ${n} weak ${n === 1 ? 'result' : 'results'} · ${MODE_LABELS[result.mode]}`
        : `${n === 0 ? 'No' : n} ${n === 1 ? 'result' : 'results'} · ${MODE_LABELS[result.mode]}`;
    return `${what} · ${result.model} · ${result.tookMs.toLocaleString()} ms`;
  })();

  return (
    <div
      className="search-view"
      data-testid="search-view"
      data-state={state}
      // The query the results on screen answer (for tests and tools), once they have arrived.
      data-answered={search.fresh && req?.kind === 'query' ? req.query : undefined}
    >
      <div className="search-head">
        <div className="search-box">
          <Icon name="search" size={18} />
          <input
            ref={inputRef}
            type="search"
            className="search-input"
            placeholder="Search your papers by meaning or by keyword…"
            aria-label="Search papers"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls="search-results"
            aria-activedescendant={hits.length ? `search-hit-${cur}` : undefined}
            aria-autocomplete="list"
            autoComplete="off"
            spellCheck={false}
            data-testid="search-input"
            value={input}
            onChange={(e) => {
              setInput(e.target.value);
              if (similarTo) onExitSimilar();
            }}
            onKeyDown={onKeyDown}
          />
          {search.loading && result && <span className="search-spinner" aria-hidden="true" />}
          <kbd className="filter-kbd" aria-hidden="true">
            /
          </kbd>
        </div>
        <div className="search-controls">
          <div className="segmented search-modes" role="radiogroup" aria-label="Search mode">
            {MODES.map((m) => (
              <button
                key={m}
                type="button"
                role="radio"
                aria-checked={mode === m}
                className={mode === m ? 'active' : ''}
                data-testid={`search-mode-${m}`}
                title={MODE_TITLES[m]}
                disabled={similarTo !== null}
                onClick={() => setMode(m)}
              >
                {MODE_LABELS[m]}
              </button>
            ))}
          </div>
          <TagSelect
            tags={tags}
            suggested={props.suggestedTags}
            clusters={props.clusters}
            value={activeTag}
            onChange={setTag}
            label="Only papers with tag"
            testId="search-tag"
          />
          <label className="year-field">
            <span>Year</span>
            <input
              type="number"
              inputMode="numeric"
              className="year-input"
              placeholder="from"
              aria-label="From year"
              data-testid="search-year-from"
              value={yearFrom}
              onChange={(e) => setYearFrom(e.target.value)}
            />
            <span aria-hidden="true">–</span>
            <input
              type="number"
              inputMode="numeric"
              className="year-input"
              placeholder="to"
              aria-label="To year"
              data-testid="search-year-to"
              value={yearTo}
              onChange={(e) => setYearTo(e.target.value)}
            />
          </label>
          {filtered && (
            <button
              type="button"
              className="link-button small"
              onClick={() => {
                setTag('');
                setYearFrom('');
                setYearTo('');
              }}
            >
              Clear filters
            </button>
          )}
        </div>
      </div>

      <div className="search-sub">
        {similarTo && (
          <div className="similar-head" data-testid="similar-head">
            <span>
              Papers like{' '}
              <strong>{similarTo.title ? <TexText text={similarTo.title} /> : 'Untitled'}</strong>
            </span>
            <button
              type="button"
              className="link-button"
              data-testid="similar-back"
              onClick={onExitSimilar}
            >
              ← Back to search
            </button>
          </div>
        )}
        {search.key && (
          <div
            className={`search-status ${search.loading ? 'loading' : ''}`}
            data-testid="search-status"
            aria-live="polite"
          >
            {statusText}
          </div>
        )}
        {active && <EmbeddingsLine e={emb} variant="search" />}
        {result?.notice && search.fresh && (
          <p className="search-notice" role="status" data-testid="search-notice">
            {result.notice}
          </p>
        )}
      </div>

      <div className="library-split">
        <div className="search-main">
          {search.error && (
            <div
              className="banner banner-error search-error"
              role="alert"
              data-testid="search-error"
            >
              {search.error}
            </div>
          )}
          {state === 'idle' && (
            <div className="search-empty" data-testid="search-empty">
              <div className="empty-mark" aria-hidden="true">
                <Icon name="search" size={34} />
              </div>
              <h2>Search by meaning and by keyword</h2>
              <p>
                <strong>Hybrid</strong> search combines both: it finds papers that use your words
                and papers that say the same thing in other words, all on this machine.{' '}
                <strong>Semantic</strong> looks at meaning only; <strong>Keyword</strong> at exact
                words, names and acronyms.
              </p>
              <p className="hint">
                Press <kbd>/</kbd> to search from anywhere; <kbd>↑</kbd> <kbd>↓</kbd> move through
                the results, <kbd>Enter</kbd> opens a paper, <kbd>Esc</kbd> clears.
              </p>
              {emb.status?.total === 0 && (
                <button type="button" className="button primary" onClick={props.onImport}>
                  <Icon name="import" /> Import papers
                </button>
              )}
            </div>
          )}
          {state === 'empty' && (
            <div className="search-empty" data-testid="search-empty">
              <h2>
                {similarTo ? 'No similar papers found' : <>No papers match “{query}”</>}
                {filtered ? ' with these filters' : ''}
              </h2>
              {!similarTo && (
                <p>
                  Try{' '}
                  {otherModes.map((m, i) => (
                    <span key={m}>
                      {i > 0 && ' or '}
                      <button type="button" className="link-button" onClick={() => setMode(m)}>
                        {MODE_LABELS[m]}
                      </button>
                    </span>
                  ))}{' '}
                  search
                  {filtered ? ', or clear the filters' : ''}.
                </p>
              )}
            </div>
          )}
          {state === 'no-close-match' && (
            <NoCloseMatch
              query={query}
              count={found.length}
              best={Math.max(...found.map((h) => h.relevance ?? 0))}
              filtered={filtered}
              onShow={() => setWeakFor(search.key)}
            />
          )}
          {hits.length > 0 && result?.noCloseMatch && <WeakResultsNote />}
          {hits.length > 0 && (
            <ul
              ref={listRef}
              id="search-results"
              className={`search-results ${search.loading ? 'stale' : ''}`}
              role="listbox"
              aria-label="Search results"
            >
              {hits.map((h, i) => (
                <Hit
                  key={h.paper.id}
                  hit={h}
                  index={i}
                  top={top}
                  current={i === cur}
                  open={h.paper.id === openId}
                  version={version}
                  onClick={() => {
                    moveTo(i);
                    onOpen(h.paper.id);
                  }}
                />
              ))}
            </ul>
          )}
        </div>
        {props.pane}
      </div>
    </div>
  );
}

function Hit(props: {
  hit: SearchHit;
  index: number;
  top: number;
  current: boolean;
  open: boolean;
  version: number;
  onClick(): void;
}) {
  const { hit, index, top, current, open, version, onClick } = props;
  const p = hit.paper;
  const meta = [p.year?.toString(), p.venue].filter(Boolean).join(' · ');
  return (
    <li
      id={`search-hit-${index}`}
      role="option"
      aria-selected={current}
      data-index={index}
      data-testid="search-hit"
      data-paper-id={p.id}
      className={`search-hit ${current ? 'current' : ''} ${open ? 'open' : ''}`}
      // Keep the focus in the search box, except for a press in the title, where it selects text.
      onMouseDown={(e) => {
        if (!(e.target as HTMLElement).closest('.ann-text')) e.preventDefault();
      }}
      onClick={onClick}
    >
      <div className="hit-main">
        {p.title ? (
          <HitTitle hit={hit} version={version} engaged={current || open} />
        ) : (
          <div className="hit-title" data-testid="search-hit-title">
            Untitled
          </div>
        )}
        {(meta || p.tags.length > 0) && (
          <div className="hit-meta">
            {meta && <span>{meta}</span>}
            {p.tags.map((t) => (
              <span key={t} className="chip chip-small">
                {t}
              </span>
            ))}
          </div>
        )}
        {!p.title && p.abstract && (
          <p className="hit-abstract">
            <TexSnippet text={p.abstract} spans={hit.highlights.abstract} />
          </p>
        )}
        <MatchExplanation matched={hit.matched} />
        <HitHighlights hit={hit} />
      </div>
      <RelevanceScore hit={hit} top={top} />
    </li>
  );
}
