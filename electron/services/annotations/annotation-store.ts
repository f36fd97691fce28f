// The highlights of a library in `annotations.json` beside its papers: the kinds, every highlight,
// and the trash (highlights removed, or whose paper was deleted, keyed by the undo token). A JSON
// file written atomically, like tagging.json: highlights are small and few per paper, read whole,
// and each change is one rewrite a crash leaves old or new. Re-read whenever the file changed on
// disk (the CLI or another window wrote it), so every process sees the others' highlights.
import { statSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AnnotationKindSchema } from '@shared/api/annotations-contract';
import { QuireError } from '@shared/api/errors';
import {
  ANNOTATION_FIELDS,
  DEFAULT_KINDS,
  type AnnotationKind,
  type StoredAnnotation,
} from '@shared/annotations/types';
import { writeFileAtomic } from '../fs/atomic-write';

export const ANNOTATIONS_FILE = 'annotations.json';
/** How many removals stay undoable (as many as the library's deletes). */
export const TRASH_DEPTH = 20;

const StoredSchema = z.object({
  id: z.string(),
  paperId: z.string(),
  field: z.enum(ANNOTATION_FIELDS),
  selectors: z.object({
    quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
    position: z.object({ start: z.number().int(), end: z.number().int() }),
  }),
  kind: z.string(),
  comment: z.string(),
  created: z.string(),
  modified: z.string(),
});

const TrashSchema = z.object({
  token: z.string(),
  at: z.string(),
  /** `remove`: highlights deleted by the user; `paper-delete`: their paper was deleted. */
  reason: z.enum(['remove', 'paper-delete']),
  annotations: z.array(StoredSchema),
});
export type TrashEntry = z.infer<typeof TrashSchema>;

const FileSchema = z.object({
  format: z.literal('quire-annotations'),
  version: z.literal(1),
  kinds: z.array(AnnotationKindSchema).min(1),
  annotations: z.array(StoredSchema),
  trash: z.array(TrashSchema).default([]),
});

export type AnnotationState = {
  kinds: AnnotationKind[];
  annotations: StoredAnnotation[];
  trash: TrashEntry[];
};

const fresh = (): AnnotationState => ({
  kinds: DEFAULT_KINDS.map((k) => ({ ...k })),
  annotations: [],
  trash: [],
});

export class AnnotationStore {
  private state: AnnotationState = fresh();
  /** mtime + size of the file as last read or written; a change means another process wrote it. */
  private seen = '';
  /** Bumps whenever the state changes (a write here, or another process's write read back). */
  private changes = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly libraryDir: string) {}

  get file(): string {
    return join(this.libraryDir, ANNOTATIONS_FILE);
  }

  /** The current state, re-read when the file changed on disk. Do not mutate it; use `change`. */
  async read(): Promise<AnnotationState> {
    await this.catchUp();
    return this.state;
  }

  /**
   * A number that moves whenever the highlights or kinds change, here or in another process (read
   * from the file's stamp), so `library:revision` can tell an open app to re-read them.
   */
  async revision(): Promise<number> {
    await this.queue;
    try {
      await this.catchUp();
    } catch {
      // An unreadable file was moved aside and the state reset (counted below); reads report it.
    }
    return this.changes;
  }

  /**
   * Applies a change to the freshest state and writes it atomically; changes in this process run
   * one at a time (callers also hold the library's write lock, which orders processes).
   */
  change<T>(fn: (s: AnnotationState) => T): Promise<T> {
    const run = this.queue.then(async () => {
      await this.catchUp();
      const next = structuredClone(this.state);
      const out = fn(next);
      await writeFileAtomic(
        this.file,
        `${JSON.stringify({ format: 'quire-annotations', version: 1, ...next }, null, 1)}\n`,
      );
      this.state = next;
      this.changes++;
      this.seen = await this.stamp();
      return out;
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * The file's identity now. Every search hit asks (is the highlights file still as read?), so this
   * is a synchronous stat that answers "absent" without throwing: an ENOENT error per hit cost ~1 ms
   * each, the larger part of a 100k-paper hybrid search's time after ranking (bench/search/latency.ts).
   */
  private async stamp(): Promise<string> {
    const s = statSync(this.file, { throwIfNoEntry: false });
    return s ? `${s.mtimeMs}:${s.size}:${s.ino}` : 'absent';
  }

  private async catchUp(): Promise<void> {
    const now = await this.stamp();
    if (now === this.seen) return;
    this.changes++;
    if (now === 'absent') {
      this.state = fresh();
      this.seen = now;
      return;
    }
    const text = await readFile(this.file, 'utf8');
    let parsed: ReturnType<typeof FileSchema.safeParse> | null;
    try {
      parsed = FileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      // Never overwrite highlights we cannot read: move the file aside and say where it is.
      const aside = `${this.file}.unreadable-${Date.now()}`;
      await rename(this.file, aside);
      this.state = fresh();
      this.seen = await this.stamp();
      throw new QuireError(
        'invalid_file',
        `The highlights file could not be read; it was moved to ${aside} and a new one started.`,
      );
    }
    this.state = parsed.data;
    this.seen = now;
  }
}
