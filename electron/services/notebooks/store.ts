// Notebook file store: one file per notebook in `<library>/notebooks/`, written atomically
// (temp file, fsync, rename), saves serialised per notebook and checked against the revision the
// caller started from, deletes moved to a trash folder so they can be undone.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { QuireError } from '@shared/api/errors';
import { decodeNotebook, encodeNotebook, NOTEBOOK_EXTENSION } from '@shared/notebook/file-format';
import { NOTEBOOK_LIMITS, type Notebook } from '@shared/notebook/model';
import { writeFileAtomic } from '../fs/atomic-write';

const TRASH = '.trash';
const TRASH_DAYS = 30;

export class NotebookStore {
  private readonly locks = new Map<string, Promise<unknown>>();

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<NotebookStore> {
    await mkdir(join(dir, TRASH), { recursive: true });
    const store = new NotebookStore(dir);
    await store.emptyOldTrash();
    await store.removeStaleTemps();
    return store;
  }

  fileOf(id: string): string {
    return join(this.dir, `${id}${NOTEBOOK_EXTENSION}`);
  }

  /** Runs `fn` after every earlier write to the same notebook has finished (one writer per file). */
  async exclusive<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(id) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => {});
    this.locks.set(id, tail);
    try {
      return await next;
    } finally {
      if (this.locks.get(id) === tail) this.locks.delete(id);
    }
  }

  async ids(): Promise<string[]> {
    const names = await readdir(this.dir);
    return names
      .filter((n) => n.endsWith(NOTEBOOK_EXTENSION) && !n.startsWith('.'))
      .map((n) => n.slice(0, -NOTEBOOK_EXTENSION.length));
  }

  async read(id: string): Promise<Notebook> {
    let text: string;
    try {
      text = await readFile(this.fileOf(id), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        throw new QuireError('not_found', `No notebook "${id}".`);
      throw err;
    }
    try {
      return decodeNotebook(text);
    } catch (err) {
      throw new QuireError('invalid_file', `${this.fileOf(id)}: ${(err as Error).message}`);
    }
  }

  /** Every readable notebook; unreadable files are reported, not fatal to the list. */
  async all(): Promise<{ notebooks: Notebook[]; broken: { id: string; message: string }[] }> {
    const notebooks: Notebook[] = [];
    const broken: { id: string; message: string }[] = [];
    for (const id of await this.ids()) {
      try {
        notebooks.push(await this.read(id));
      } catch (err) {
        broken.push({ id, message: (err as Error).message });
      }
    }
    return { notebooks, broken };
  }

  async exists(id: string): Promise<boolean> {
    return stat(this.fileOf(id)).then(
      () => true,
      () => false,
    );
  }

  /** Writes the notebook as is (the caller has set revision and updatedAt). */
  async write(nb: Notebook): Promise<void> {
    const text = encodeNotebook(nb);
    if (text.length > NOTEBOOK_LIMITS.fileBytes)
      throw new QuireError(
        'invalid_input',
        `The notebook is larger than ${NOTEBOOK_LIMITS.fileBytes / 2 ** 20} MB; split it.`,
      );
    await writeFileAtomic(this.fileOf(nb.id), text);
  }

  /**
   * Optimistic concurrency: writes `nb` as revision `baseRevision + 1` only if the file is still at
   * `baseRevision`. Two windows editing one notebook cannot silently overwrite each other.
   */
  async save(nb: Notebook, baseRevision: number, now = new Date()): Promise<Notebook> {
    return this.exclusive(nb.id, async () => {
      const current = await this.read(nb.id);
      if (current.revision !== baseRevision)
        throw new QuireError(
          'invalid_input',
          `"${current.title}" was changed elsewhere (now at revision ${current.revision}, yours is based on ${baseRevision}): reload it and apply your edits again.`,
          { reason: 'conflict', revision: current.revision },
        );
      const next: Notebook = {
        ...nb,
        createdAt: current.createdAt,
        revision: current.revision + 1,
        updatedAt: now.toISOString(),
      };
      await this.write(next);
      return next;
    });
  }

  /** Read-modify-write of the latest version under the notebook's lock (runs, renames). */
  async update(
    id: string,
    change: (nb: Notebook) => Notebook,
    now = new Date(),
  ): Promise<Notebook> {
    return this.exclusive(id, async () => {
      const current = await this.read(id);
      const next: Notebook = {
        ...change(current),
        id,
        revision: current.revision + 1,
        updatedAt: now.toISOString(),
      };
      await this.write(next);
      return next;
    });
  }

  async create(nb: Notebook): Promise<Notebook> {
    return this.exclusive(nb.id, async () => {
      if (await this.exists(nb.id))
        throw new QuireError('invalid_input', `A notebook "${nb.id}" already exists.`);
      await this.write(nb);
      return nb;
    });
  }

  /** Moves the file to the trash; the token names it there. */
  async delete(id: string): Promise<string> {
    return this.exclusive(id, async () => {
      if (!(await this.exists(id))) throw new QuireError('not_found', `No notebook "${id}".`);
      const token = `${id}.${Date.now()}.${randomBytes(4).toString('hex')}`;
      await rename(this.fileOf(id), join(this.dir, TRASH, `${token}${NOTEBOOK_EXTENSION}`));
      return token;
    });
  }

  async undoDelete(token: string): Promise<Notebook> {
    if (!/^[A-Za-z0-9_-]+\.\d+\.[0-9a-f]{8}$/.test(token))
      throw new QuireError('not_found', 'Unknown undo token.');
    const id = token.split('.')[0] ?? '';
    return this.exclusive(id, async () => {
      const from = join(this.dir, TRASH, `${token}${NOTEBOOK_EXTENSION}`);
      if (!(await stat(from).catch(() => null)))
        throw new QuireError('not_found', 'Unknown or expired undo token.');
      if (await this.exists(id))
        throw new QuireError(
          'invalid_input',
          `A notebook "${id}" exists again; cannot restore over it.`,
        );
      await rename(from, this.fileOf(id));
      return this.read(id);
    });
  }

  private async removeStaleTemps(): Promise<void> {
    // A writer killed mid-save leaves its temp file; an hour-old one belongs to no live save.
    const cutoff = Date.now() - 3_600_000;
    for (const name of await readdir(this.dir)) {
      if (!name.startsWith('.') || !name.endsWith('.tmp')) continue;
      const st = await stat(join(this.dir, name)).catch(() => null);
      if (st && st.mtimeMs < cutoff) await rm(join(this.dir, name), { force: true });
    }
  }

  private async emptyOldTrash(): Promise<void> {
    const cutoff = Date.now() - TRASH_DAYS * 86_400_000;
    for (const name of await readdir(join(this.dir, TRASH))) {
      const when = Number(name.split('.')[1]);
      if (Number.isFinite(when) && when < cutoff)
        await rm(join(this.dir, TRASH, name), { force: true });
    }
  }
}
