// Library methods of the API contract (see contract.ts): list, read, edit and delete papers.
// Service: electron/services/library/; paper schemas in schemas.ts (import and export share them).
import { z } from 'zod';
import { method, type Method } from './method';
import {
  ListInputSchema,
  TagSchema,
  isWellFormed,
  type ListResult,
  type Paper,
  type TagCount,
} from './schemas';

const Id = z.string().min(1).max(200);

export const libraryMethods = {
  /**
   * The papers table's revision, as the files on disk say now: it changes whenever anyone (this
   * process, the CLI, another window) commits a change. Views poll it to stay live.
   */
  'library:revision': method<{ revision: number }>()(z.object({}).default({})),

  /** A page of papers, filtered by text and tag, sorted. */
  'library:list': method<ListResult>()(ListInputSchema),
  'library:get': method<Paper>()(z.object({ id: Id })),
  /** Edits the user's own fields. Absent fields stay as they are. */
  'library:update': method<Paper>()(
    z.object({
      id: Id,
      notes: z
        .string()
        .max(1_000_000, 'notes are at most 1 MB')
        // A lone surrogate would come back from disk as U+FFFD: refuse it rather than change it silently.
        .refine(isWellFormed, 'notes are not valid Unicode (they have a lone surrogate)')
        .optional(),
      tags: z.array(TagSchema).max(500).optional(),
    }),
  ),
  /**
   * Adds one tag to papers, or takes it off them, in one write per 5,000 papers (the map's lasso tags
   * hundreds at once), all or nothing: a failed write leaves the library as it was. Answers the
   * papers it changed, so the opposite call undoes it, and how many of the ids the library no longer
   * holds.
   */
  'library:tagPapers': method<{ changed: string[]; missing: number }>()(
    z
      .object({
        ids: z.array(Id).min(1).max(100_000),
        add: TagSchema.optional(),
        remove: TagSchema.optional(),
      })
      .refine((x) => (x.add === undefined) !== (x.remove === undefined), {
        message: 'give one tag to add or one to remove',
      }),
  ),
  /** Deletes papers; the answer carries a token that `library:undoDelete` takes. */
  'library:delete': method<{ deleted: number; undoToken: string }>()(
    z.object({ ids: z.array(Id).min(1).max(100_000) }),
  ),
  'library:undoDelete': method<{ restored: number }>()(z.object({ undoToken: z.string().min(1) })),
  'library:tags': method<TagCount[]>()(z.object({}).default({})),
} satisfies Record<string, Method<z.ZodType, unknown>>;
