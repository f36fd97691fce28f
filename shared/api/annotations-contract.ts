// Annotation methods of the API contract (see contract.ts). Owned by the annotations feature:
// highlights with a kind and a comment on a passage of a paper's title or abstract, the library's
// list of kinds, search within highlights, W3C Web Annotation / Markdown export and import.
// Service: electron/services/annotations/. Types: shared/annotations/types.ts.
import { z } from 'zod';
import type {
  Annotation,
  AnnotationExportResult,
  AnnotationImportResult,
  AnnotationKind,
} from '../annotations/types';
import { ANNOTATION_FIELDS } from '../annotations/types';
import { method } from './method';
import { isWellFormed } from './schemas';

const Id = z.string().min(1).max(200);

/**
 * A comment is refused above this many characters (UTF-16 units): annotations live in one JSON
 * file rewritten on every change, and a comment is a note on a passage — long writing belongs in
 * the paper's notes (1 MB) or a notebook.
 */
export const MAX_COMMENT_CHARS = 100_000;
/** The longest quote a highlight may have: a title or abstract passage. */
export const MAX_QUOTE_CHARS = 20_000;
/** The largest W3C JSON-LD file `annotations:import` reads. */
export const MAX_IMPORT_CHARS = 50_000_000;

export const AnnotationFieldSchema = z.enum(ANNOTATION_FIELDS);

export const KindIdSchema = z
  .string()
  .trim()
  .min(1, 'a kind id cannot be empty')
  .max(40, 'a kind id is at most 40 characters')
  .regex(
    /^[a-z0-9][a-z0-9-]*$/,
    'a kind id is lower-case letters, digits and hyphens, e.g. "open-question"',
  );

export const AnnotationKindSchema = z.object({
  id: KindIdSchema,
  label: z.string().trim().min(1, 'a kind needs a label').max(60),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour looks like #3366cc'),
});

export const CommentSchema = z
  .string()
  .max(
    MAX_COMMENT_CHARS,
    `a comment is at most ${MAX_COMMENT_CHARS.toLocaleString('en')} characters; put longer writing in the paper's notes or a notebook`,
  )
  .refine(isWellFormed, 'the comment is not valid Unicode (it has a lone surrogate)');

export const AnnotationAddInputSchema = z
  .object({
    paperId: Id,
    /** Which field the selection is in; required with start/end; with `quote` alone, title then abstract. */
    field: AnnotationFieldSchema.optional(),
    /** A selection in the field's current text (UTF-16 offsets, [start, end)): the UI's way. */
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    /** The passage itself (the CLI's way): it must occur in the title or abstract (first occurrence). */
    quote: z.string().min(1, 'the quote cannot be empty').max(MAX_QUOTE_CHARS).optional(),
    /** A kind id of the library's list; default: the first kind. */
    kind: KindIdSchema.optional(),
    comment: CommentSchema.default(''),
  })
  .superRefine((v, ctx) => {
    const hasRange = v.start !== undefined || v.end !== undefined;
    if (hasRange) {
      if (v.start === undefined || v.end === undefined || v.field === undefined)
        ctx.addIssue({
          code: 'custom',
          message: 'a selection needs field, start and end together',
        });
      else if (v.end <= v.start)
        ctx.addIssue({ code: 'custom', message: 'a selection must not be empty (end > start)' });
    } else if (v.quote === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'say what to highlight: field + start + end, or a quote',
      });
  });

export const AnnotationListInputSchema = z.object({
  paperId: Id.optional(),
  kind: KindIdSchema.optional(),
  /** Words that must all occur in the highlighted passage or the comment (case and accents ignored). */
  query: z.string().max(1000).optional(),
  /** Only orphaned (true) or only anchored (false) highlights. */
  orphaned: z.boolean().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(10_000).default(1000),
});

export type AnnotationPage = { total: number; offset: number; items: Annotation[] };

export const annotationMethods = {
  /**
   * Highlights, newest paper order then by place in the text; filtered by paper, kind, words in
   * the passage or comment (search within highlights), orphaned state.
   */
  'annotations:list': method<AnnotationPage>()(AnnotationListInputSchema),
  'annotations:get': method<Annotation>()(z.object({ id: Id })),
  /** Makes a highlight from a selection (field + start + end) or a quote that occurs in the paper. */
  'annotations:add': method<Annotation>()(AnnotationAddInputSchema),
  /** Changes a highlight's kind or comment. Absent fields stay as they are. */
  'annotations:update': method<Annotation>()(
    z.object({ id: Id, kind: KindIdSchema.optional(), comment: CommentSchema.optional() }),
  ),
  /** Deletes highlights; the answer carries a token that `annotations:undoRemove` takes. */
  'annotations:remove': method<{ removed: number; undoToken: string }>()(
    z.object({ ids: z.array(Id).min(1).max(100_000) }),
  ),
  'annotations:undoRemove': method<{ restored: number }>()(
    z.object({ undoToken: z.string().min(1).max(200) }),
  ),
  /** The library's highlight kinds (defaults: claim, method, result, limitation, question). */
  'annotations:kinds:get': method<AnnotationKind[]>()(z.object({}).default({})),
  /** Replaces the list of kinds; a kind still used by highlights cannot be dropped (clear message). */
  'annotations:kinds:set': method<AnnotationKind[]>()(
    z.object({ kinds: z.array(AnnotationKindSchema).min(1).max(100) }),
  ),
  /** W3C Web Annotation JSON-LD (one file) or Markdown (one file per paper), all or some papers. */
  'annotations:export': method<AnnotationExportResult>()(
    z.object({
      format: z.enum(['w3c', 'markdown']),
      paperIds: z.array(Id).max(200_000).optional(),
    }),
  ),
  /**
   * Restores W3C JSON-LD annotations (ours or another tool's) onto the library's papers, matched
   * by DOI, arXiv id, Quire id or title; those whose paper is missing are reported and written
   * aside to a file in the library folder, never dropped.
   */
  'annotations:import': method<AnnotationImportResult>()(
    z.object({
      text: z.string().min(1, 'the file is empty').max(MAX_IMPORT_CHARS),
      /** The file's name, for messages. */
      name: z.string().max(500).default('annotations.jsonld'),
    }),
  ),
} as const;

export type AnnotationMethodName = keyof typeof annotationMethods;
