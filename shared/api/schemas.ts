// Zod schemas and types for the data that crosses the API: papers, import and export payloads.
import { z } from 'zod';
import type { HitAnnotation } from '../annotations/types';

/** A lone UTF-16 surrogate: JSON and IPC carry it, but URLs and file names cannot encode it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `s` is valid Unicode (no lone surrogates); String#isWellFormed is ES2024. */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/**
 * Lone surrogates replaced by U+FFFD, as LanceDB's UTF-8 storage does on write: cleaning them on the
 * way in keeps the in-memory copy equal to what a reload reads back.
 */
export function toWellFormed(s: string): string {
  return isWellFormed(s) ? s : s.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
}

/**
 * A string that will end up in a URL or a file name: well-formed Unicode, no control characters.
 * Without the check, `encodeURIComponent` throws "URI malformed", which surfaced as an `internal` error.
 */
export function urlSafeText(what: string, max: number) {
  return (
    z
      .string()
      .max(max, `${what} is at most ${max} characters`)
      .refine(isWellFormed, `${what} is not valid Unicode (it has a lone surrogate)`)
      // eslint-disable-next-line no-control-regex
      .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${what} cannot contain control characters`)
  );
}

/** A paper as stored in the library. Unknown strings are '' (never null); an unknown year is null. */
export const PaperSchema = z.object({
  id: z.string(),
  title: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()),
  year: z.number().int().nullable(),
  venue: z.string(),
  doi: z.string(),
  arxivId: z.string(),
  url: z.string(),
  /** File name the paper was first imported from. */
  sourceFile: z.string(),
  /** ISO-8601 instant. */
  addedAt: z.string(),
  updatedAt: z.string(),
  notes: z.string(),
  tags: z.array(z.string()),
  /**
   * Volume, issue, edition and pages as the source gave them ('' when it gave none): they tell apart
   * works that share a title (volumes of one book, editions) and travel through every export.
   */
  volume: z.string(),
  issue: z.string(),
  edition: z.string(),
  pages: z.string(),
});
export type Paper = z.infer<typeof PaperSchema>;

/** What an importer produces: a paper before it has an id. Only the title is required. */
export const PaperDraftSchema = z.object({
  title: z.string(),
  abstract: z.string().default(''),
  authors: z.array(z.string()).default([]),
  year: z.number().int().nullable().default(null),
  venue: z.string().default(''),
  doi: z.string().default(''),
  arxivId: z.string().default(''),
  url: z.string().default(''),
  notes: z.string().default(''),
  tags: z.array(z.string()).default([]),
  /** Volume, issue, edition and pages as the source gave them; stored as '' when absent. */
  volume: z.string().optional(),
  issue: z.string().optional(),
  edition: z.string().optional(),
  pages: z.string().optional(),
});
export type PaperDraft = z.infer<typeof PaperDraftSchema>;

export const IMPORT_FORMATS = [
  'feed',
  'bibtex',
  'ris',
  'csl-json',
  'arxiv-atom',
  'csv',
  'jsonl',
] as const;
export const ImportFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

/** 50 MB: far above any real bibliography, small enough to parse in memory. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Where an import reads from: a file on the service's machine, uploaded bytes, or pasted text. */
export const ImportSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: urlSafeText('path', 4096).pipe(z.string().min(1)) }),
  z.object({
    kind: z.literal('bytes'),
    name: z.string().min(1).max(1000),
    base64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
  }),
  z.object({ kind: z.literal('text'), name: z.string().min(1).max(1000), text: z.string() }),
]);
export type ImportSource = z.infer<typeof ImportSourceSchema>;

/**
 * The name pasted text goes by: no extension, so its format is sniffed from the content, and
 * messages speak of "pasted text", never of a file the user did not name.
 */
export const PASTED_TEXT_NAME = 'pasted text';

export const ImportRequestSchema = z.object({
  source: ImportSourceSchema,
  /** Omit to detect the format from the name and content. */
  format: ImportFormatSchema.optional(),
  /**
   * Records to import as their own paper although they match another (the user overrode a
   * merge in the preview), by `DuplicateInfo.index`.
   */
  keepSeparate: z.array(z.number().int().min(0)).max(100_000).optional(),
});
export type ImportRequest = z.infer<typeof ImportRequestSchema>;

/** A record the importer could not use, with the reason. `at` locates it (entry number, line). */
export type SkippedRecord = { at: string; reason: string };

/** Why an incoming paper counts as a duplicate. */
export type DuplicateMatch = 'doi' | 'arxivId' | 'title';
export type DuplicateInfo = {
  title: string;
  match: DuplicateMatch;
  /** Id of the library paper it matches, or null when it repeats an earlier record of the same file. */
  existingId: string | null;
  /** Position of the incoming record among the parsed records (0-based); see `keepSeparate`. */
  index: number;
};

/** What shows that two records with the same title are different works; `ours` is the incoming one. */
export type WorkDifference = {
  field: 'doi' | 'arxivId' | 'year' | 'volume' | 'issue' | 'edition' | 'pages' | 'authors';
  ours: string;
  theirs: string;
};

/** An incoming record kept as a different work despite sharing a title with another. */
export type DistinctInfo = {
  title: string;
  /** Position of the incoming record among the parsed records (0-based). */
  index: number;
  /** The library paper with the same title, or null when it is an earlier record of the same file. */
  otherId: string | null;
  reason: WorkDifference;
};

export type ImportPreview = {
  format: ImportFormat;
  /** Records parsed (papers + duplicates), excluding skipped ones. */
  total: number;
  /** How many would be added. */
  newCount: number;
  duplicateCount: number;
  /** First duplicates, at most 50. */
  duplicates: DuplicateInfo[];
  /** Records kept as different works despite the same title. */
  distinctCount: number;
  /** First of them, at most 50. */
  distinct: DistinctInfo[];
  skipped: SkippedRecord[];
  warnings: string[];
  /** First new papers, at most 20. */
  sample: PaperDraft[];
};

export type ImportResult = {
  format: ImportFormat;
  imported: number;
  duplicateCount: number;
  /** Duplicates whose empty fields were filled from the incoming record. */
  mergedCount: number;
  duplicates: DuplicateInfo[];
  /** Records kept as different works despite the same title. */
  distinctCount: number;
  /** First of them, at most 50. */
  distinct: DistinctInfo[];
  skipped: SkippedRecord[];
  warnings: string[];
  /** True when the caller cancelled: `imported` whole papers were kept. */
  cancelled: boolean;
};

export const EXPORT_FORMATS = ['bibtex', 'csl-json', 'csv', 'jsonl'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export type ExportResult = {
  format: ExportFormat;
  /** Suggested file name, e.g. `quire-library.bib`. */
  filename: string;
  mime: string;
  content: string;
  count: number;
};

export const SORT_KEYS = ['title', 'year', 'addedAt', 'authors', 'venue'] as const;
export const ListInputSchema = z.object({
  /** Case-insensitive words, all of which must occur in title, authors, abstract, venue, notes or ids. */
  text: z.string().max(1000).default(''),
  tag: z.string().max(200).optional(),
  /** Only papers with a pending (not yet decided) suggestion of this tag. */
  suggestedTag: z.string().max(200).optional(),
  /** Only papers in this cluster of the active model's topic map (an id from map:get). */
  cluster: z.string().min(1).max(100).optional(),
  /** Only these papers (e.g. a lasso selection on the map); unknown ids are ignored. */
  ids: z.array(z.string().min(1).max(200)).max(200_000).optional(),
  /** Only papers with a highlight of this kind (a kind id; `*`: any kind). */
  annotationKind: z.string().min(1).max(40).optional(),
  /** `match`: how well the title answers `text` (exact, prefix, phrase, words), for pickers. */
  sort: z.enum([...SORT_KEYS, 'match']).default('addedAt'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type ListInput = z.input<typeof ListInputSchema>;
/** The optional table columns that hold a value in at least one paper of the whole library. */
export type ColumnFill = { authors: boolean; year: boolean; venue: boolean; tags: boolean };
export type ListResult = {
  total: number;
  offset: number;
  items: Paper[];
  /** Over the whole library (not the filter), so the table can hide columns empty everywhere. */
  filled?: ColumnFill;
};

export const TagSchema = z
  .string()
  .trim()
  .min(1, 'a tag cannot be empty')
  .max(100, 'a tag is at most 100 characters')
  .refine((t) => !/[\n\r\t,]/.test(t), 'a tag cannot contain commas, tabs or line breaks')
  .refine(isWellFormed, 'a tag is not valid Unicode (it has a lone surrogate)');

export type TagCount = { tag: string; count: number };

export type LibraryInfo = {
  /** Absolute folder (or object-store URI) of the library. */
  location: string;
  /** A library on object storage: the folder on this machine holding its personal files. */
  personalFiles?: string;
  paperCount: number;
  schemaVersion: number;
  appVersion: string;
  mode: 'electron' | 'browser' | 'cli';
};

// ---- Models and embeddings ------------------------------------------------------------------------

/** A Hugging Face hub id such as `Xenova/all-MiniLM-L6-v2`. */
export const ModelIdSchema = z
  .string()
  .trim()
  .regex(
    // `server:<name>`: embeddings from the configured OpenAI-compatible server (names like
    // `nomic-embed-text:latest` or `hf.co/owner/model:Q4` are the server's own).
    /^(?:server:[\w.-][\w.:/-]*|[A-Za-z0-9][\w.-]*(\/[\w.-]+)?)$/,
    'a model id looks like "owner/name", e.g. "Xenova/all-MiniLM-L6-v2", or "server:<name>" for a model of the LLM server',
  )
  .max(200);

export type ModelInfo = {
  id: string;
  /** `bundled` ships with Quire; `downloaded` lives in the library's models folder; `server` is the LLM server's `/v1/embeddings`. */
  source: 'bundled' | 'downloaded' | 'server';
  /** Embedding dimension. */
  dims: number;
  sizeBytes: number;
  active: boolean;
  description: string;
};

/** Embedding coverage of the library for one model. */
export type EmbeddingStatus = {
  model: string;
  dims: number;
  embedded: number;
  total: number;
  /**
   * Papers without a current vector under `model` (never embedded, or changed since): `total −
   * embedded`. Non-zero means semantic search does not see them yet; `embeddings:update` fills them in.
   */
  missing: number;
  /** The model search uses now; differs from `model` while a switch is re-indexing. */
  searchModel: string;
  /**
   * Work under way that will embed the missing papers (an import writes them, then embeds them), so
   * nobody needs to start another job; null when nothing is running.
   */
  busy: EmbeddingWork | null;
  /**
   * The search index was trained for an earlier version's distance (cosine): semantic search is
   * right but several times slower until `embeddings:update` re-trains it, which the app does on open.
   */
  indexOutdated?: boolean;
};

export type EmbeddingWork = 'importing' | 'embedding';

// ---- Search -------------------------------------------------------------------------------------

export const SEARCH_MODES = ['hybrid', 'vector', 'fts'] as const;
export const SearchModeSchema = z.enum(SEARCH_MODES);
export type SearchMode = z.infer<typeof SearchModeSchema>;

export const SearchFiltersSchema = z.object({
  tag: z.string().max(200).optional(),
  /** Only papers with a pending (not yet decided) suggestion of this tag. */
  suggestedTag: z.string().max(200).optional(),
  /** Only papers in this cluster of the active model's topic map (an id from map:get). */
  cluster: z.string().min(1).max(100).optional(),
  yearFrom: z.number().int().optional(),
  yearTo: z.number().int().optional(),
  /** Words that must all occur (as in library:list). */
  text: z.string().max(1000).optional(),
  /** Only papers with a highlight of this kind (a kind id; `*`: any kind). */
  annotationKind: z.string().min(1).max(40).optional(),
});
export type SearchFilters = z.infer<typeof SearchFiltersSchema>;

export const SearchInputSchema = z.object({
  query: z.string().trim().min(1, 'type something to search for').max(2000),
  mode: SearchModeSchema.default('hybrid'),
  k: z.number().int().min(1).max(200).default(20),
  filters: SearchFiltersSchema.default({}),
});
export type SearchInput = z.input<typeof SearchInputSchema>;

/** A [start, end) character range to highlight. */
export type Span = [number, number];

/**
 * How a query was widened before searching: `from` (words of the query) was also searched as `to`.
 * alias: an abbreviation defined in the library ("GNN" ≈ "graph neural network"); stem: another form
 * of a word ("ranked" → "ranking"); compound: hyphenation ("oversquashing" = "over-squashing");
 * neighbour: a word the embedding model places near it ("photonic" ~ "light"); feedback: a word taken
 * from the top results (pseudo-relevance feedback).
 */
export const EXPANSION_KINDS = ['alias', 'stem', 'compound', 'neighbour', 'feedback'] as const;
export type ExpansionKind = (typeof EXPANSION_KINDS)[number];
export type QueryExpansion = { from: string; to: string; kind: ExpansionKind };

/** A word of the query (or of an expansion) found in a hit: `to` is how the paper writes it. */
export type MatchedTerm = { from: string; to: string; kind: 'exact' | ExpansionKind };

export type SearchHit = {
  paper: Paper;
  /** Rank score in this mode (higher is better). */
  score: number;
  /** The components where they exist: cosine similarity, BM25. */
  vectorScore: number | null;
  ftsScore: number | null;
  highlights: { title: Span[]; abstract: Span[] };
  /** Why it matched: the query's words and expansions this paper contains (keyword modes). */
  matched?: MatchedTerm[];
  /**
   * Hybrid: BM25's top hit, kept first because it holds the query's own words whatever the fused
   * score says (fusion.ts); its relevance is estimated with that in view.
   */
  anchored?: boolean;
  /**
   * Estimated probability (0–1) that this hit is relevant, comparable across queries
   * (electron/services/search/calibration.ts); absent for "more like this".
   */
  relevance?: number;
  /** The paper's highlights that a highlighted span falls inside, or whose comment has a query word. */
  annotations?: HitAnnotation[];
};

export type SearchResult = {
  mode: SearchMode;
  model: string;
  hits: SearchHit[];
  tookMs: number;
  /** Set when the search fell back, e.g. to keywords while the embedding model is unavailable. */
  notice?: string;
  /** The expansions the keyword search used (absent when none applied). */
  expansions?: QueryExpansion[];
  /** True when no hit is likely relevant (every `relevance` below the threshold, or no hits). */
  noCloseMatch?: boolean;
};
