// Annotation types shared by the service, the CLI and the views: a highlight on a passage of a
// paper's title or abstract, anchored by the W3C Web Annotation TextQuote + TextPosition selectors.

/** The paper fields a highlight may sit in. */
export const ANNOTATION_FIELDS = ['title', 'abstract'] as const;
export type AnnotationField = (typeof ANNOTATION_FIELDS)[number];

/** W3C TextQuoteSelector: the quoted text with up to 32 characters of context on each side. */
export type TextQuoteSelector = { exact: string; prefix: string; suffix: string };

/**
 * W3C TextPositionSelector, in UTF-16 code units of the field's text as JavaScript indexes it
 * (`text.slice(start, end)`), [start, end). The W3C export converts to code points, as the model asks.
 */
export type TextPositionSelector = { start: number; end: number };

export type AnnotationSelectors = { quote: TextQuoteSelector; position: TextPositionSelector };

/**
 * How a highlight was found in the field's current text: `position` (the text there is still the
 * quote), `quote` (the quote found elsewhere, chosen by its context and closeness), `fuzzy` (an
 * approximate match of the quote: the passage was edited).
 */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Where a highlight is in the field's current text; UTF-16 offsets, [start, end). */
export type Anchor = { start: number; end: number; method: AnchorMethod };

/** A highlight as stored plus what is computed on read (`paperTitle`, `anchor`, `orphaned`). */
export type Annotation = {
  id: string;
  paperId: string;
  field: AnnotationField;
  /** As made (or last re-saved): what the user selected, in the text of that moment. */
  selectors: AnnotationSelectors;
  /** An AnnotationKind id, e.g. `claim`. */
  kind: string;
  /** Markdown with `$…$` math; '' when none. */
  comment: string;
  /** ISO-8601 instants. */
  created: string;
  modified: string;
  /** Computed on read: the paper's current title. */
  paperTitle: string;
  /** Computed on read against the current text; null when orphaned. */
  anchor: Anchor | null;
  /** Computed on read: the quoted text is gone from the field. Kept, flagged, never dropped. */
  orphaned: boolean;
};

/** What is saved on disk: an Annotation without the parts computed on read. */
export type StoredAnnotation = Omit<Annotation, 'paperTitle' | 'anchor' | 'orphaned'>;

/** A user-editable highlight kind: id (stable, used in files), label (shown), colour `#rrggbb`. */
export type AnnotationKind = { id: string; label: string; color: string };

export const DEFAULT_KINDS: readonly AnnotationKind[] = [
  { id: 'claim', label: 'Claim', color: '#f2c94c' },
  { id: 'method', label: 'Method', color: '#56ccf2' },
  { id: 'result', label: 'Result', color: '#6fcf97' },
  { id: 'limitation', label: 'Limitation', color: '#eb5757' },
  { id: 'question', label: 'Question', color: '#bb6bd9' },
];

/** A search hit's highlight span that falls inside (overlaps) a highlight of that paper. */
export type HitAnnotation = {
  annotationId: string;
  field: AnnotationField;
  kind: string;
  /** The highlight's current place in the field (UTF-16 offsets). */
  start: number;
  end: number;
  /** Whether the comment (not only the passage) contains a query word. */
  inComment: boolean;
};

/** A W3C annotation the import could not attach to a paper of this library, and why. */
export type KeptAside = {
  reason: string;
  /** The annotation's `id` in the file, when it had one. */
  annotationId: string | null;
  /** The target's `source` IRI in the file. */
  source: string | null;
  /** The quoted text, when the file had one. */
  exact: string | null;
};

export type AnnotationImportResult = {
  /** Annotations added to the library. */
  restored: number;
  /** Annotations the library already had (same id): left as they are. */
  alreadyPresent: number;
  keptAside: KeptAside[];
  /** Where the kept-aside annotations were written (as W3C JSON-LD), null when none. */
  keptAsideFile: string | null;
};

export type AnnotationExportResult = {
  format: 'w3c' | 'markdown';
  count: number;
  /** The whole export as one text: JSON-LD, or every paper's Markdown one after another. */
  content: string;
  /** Suggested file name for `content`. */
  filename: string;
  mime: string;
  /** Markdown: one file per paper (Obsidian-ready); W3C: the one file. */
  files: { name: string; content: string }[];
};
