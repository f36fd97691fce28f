// The Search view's state: the query, mode and filters, the search they make, the weak-results
// choice and the keyboard cursor over the hits.
import { useCallback, useState } from 'react';
import { liveTagValue, parseTagFilter, type ClusterOption } from '../../components/TagSelect';
import type { SearchFilters, SearchHit, SearchMode, TagCount } from '@shared/api/schemas';
import { useApi } from '../../apiContext';
import { readMode, saveMode } from './searchModes';
import { searchState, statusText } from './searchStatus';
import { useEmbeddings } from './useEmbeddings';
import { useSearch, type SearchRequest } from './useSearch';

export type SimilarTo = { id: string; title: string };

function parseYear(s: string): number | undefined {
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) && /^\s*\d{1,4}\s*$/.test(s) ? n : undefined;
}

export type SearchViewInput = {
  active: boolean;
  version: number;
  tags: TagCount[];
  suggestedTags?: TagCount[];
  clusters?: ClusterOption[];
  similarTo: SimilarTo | null;
};

export function useSearchView(p: SearchViewInput) {
  const { active, version, tags, similarTo } = p;
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

  const setMode = (m: SearchMode) => {
    setModeState(m);
    saveMode(m);
  };

  const activeTag = liveTagValue(tag, tags, p.suggestedTags, p.clusters);
  const filters: SearchFilters = { ...parseTagFilter(activeTag) };
  const yf = parseYear(yearFrom);
  const yt = parseYear(yearTo);
  if (yf !== undefined) filters.yearFrom = yf;
  if (yt !== undefined) filters.yearTo = yt;
  const filtered = Object.keys(filters).length > 0;
  const clearFilters = () => {
    setTag('');
    setYearFrom('');
    setYearTo('');
  };

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

  return {
    input,
    setInput,
    mode,
    setMode,
    activeTag,
    setTag,
    yearFrom,
    setYearFrom,
    yearTo,
    setYearTo,
    filtered,
    clearFilters,
    query,
    req,
    search,
    emb,
    found,
    hits,
    cur,
    moveTo,
    showWeak: () => setWeakFor(search.key),
    state: searchState({ ...search, hideWeak, count: hits.length }),
    statusText: statusText({ ...search, similar: similarTo !== null }),
  };
}

export type SearchViewModel = ReturnType<typeof useSearchView>;
