// The tagging state of a library in `tagging.json` beside its papers: the vocabulary (name,
// description, colour), every suggestion with its provenance and decision, and where each tag on a
// paper came from (typed, imported, accepted). A JSON file written atomically rather than a LanceDB
// table: it is small (a vocabulary, and suggestions bounded by per-tag calibration), read whole at
// start, and each change is one small rewrite that a crash leaves old or new, never half-written.
import { readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Suggestion } from '@shared/api/tagging-contract';
import { DecisionSchema, TaggerNameSchema } from '@shared/api/tagging-contract';
import { writeFileAtomic } from '../fs/atomic-write';

export const TAGGING_FILE = 'tagging.json';

export type Origin = 'typed' | 'imported' | 'accepted';

const StoredTagSchema = z.object({
  name: z.string(),
  description: z.string(),
  color: z.string(),
  createdAt: z.string(),
});
export type StoredTag = z.infer<typeof StoredTagSchema>;

const StoredSuggestionSchema = z.object({
  id: z.string(),
  paperId: z.string(),
  tag: z.string(),
  tagger: TaggerNameSchema,
  model: z.string(),
  score: z.number(),
  evidence: z.looseObject({}),
  createdAt: z.string(),
  decision: DecisionSchema,
  decidedAt: z.string().nullable(),
});
/** A suggestion as stored: the paper's title is looked up when listing (it may be edited). */
export type StoredSuggestion = Omit<Suggestion, 'title'>;

const FileSchema = z.object({
  format: z.literal('quire-tagging'),
  version: z.literal(1),
  tags: z.array(StoredTagSchema),
  suggestions: z.array(StoredSuggestionSchema),
  /** paper id → tag → where the tag on the paper came from. */
  origins: z.record(z.string(), z.record(z.string(), z.enum(['typed', 'imported', 'accepted']))),
  /** Undoable changes, newest last: kept in the file so `quire tag undo` works from another process. */
  undo: z.array(z.object({ token: z.string(), at: z.string(), record: z.unknown() })).default([]),
});
export type TaggingState = {
  tags: StoredTag[];
  suggestions: StoredSuggestion[];
  origins: Record<string, Record<string, Origin>>;
  undo: { token: string; at: string; record: unknown }[];
};

export class TaggingStore {
  private lock: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    /** Read freely; change only inside `change`. */
    readonly state: TaggingState,
  ) {}

  static async open(libraryDir: string): Promise<TaggingStore> {
    const file = join(libraryDir, TAGGING_FILE);
    let text: string | null = null;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const empty: TaggingState = { tags: [], suggestions: [], origins: {}, undo: [] };
    if (text === null) return new TaggingStore(file, empty);
    let parsed: ReturnType<typeof FileSchema.safeParse> | null = null;
    try {
      parsed = FileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (parsed?.success) {
      const { tags, suggestions, origins, undo } = parsed.data;
      return new TaggingStore(file, {
        tags,
        suggestions: suggestions as StoredSuggestion[],
        origins,
        undo,
      });
    }
    // A damaged file is kept aside, not overwritten, so the user's decisions can still be recovered.
    await rename(file, `${file}.damaged-${Date.now()}`);
    return new TaggingStore(file, empty);
  }

  /**
   * Applies `fn` to the state and writes it, after every earlier change. If `fn` throws or the write
   * fails, the state is read back from the file (no copy is kept per change: with tens of thousands
   * of suggestions that copy stalled the event loop for hundreds of milliseconds).
   */
  change<T>(fn: (s: TaggingState) => T): Promise<T> {
    const run = this.lock.then(async () => {
      try {
        const out = fn(this.state);
        await this.save();
        return out;
      } catch (err) {
        const again = await TaggingStore.open(dirname(this.file));
        Object.assign(this.state, again.state);
        throw err;
      }
    });
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async save(): Promise<void> {
    const body = { format: 'quire-tagging', version: 1, ...this.state };
    await writeFileAtomic(this.file, JSON.stringify(body) + '\n');
  }

  async close(): Promise<void> {
    await this.lock;
  }
}
