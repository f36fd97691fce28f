// Library settings (`settings.json` in the library folder): small, user-chosen values such as the
// active embedding model and the LLM provider (`llm`, read by tagging/llm/llm-settings.ts). Written atomically; unknown keys are kept so newer versions' settings survive.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

const SettingsSchema = z.looseObject({
  activeModel: z.string().optional(),
  /** LLM provider settings; validated field by field where they are read, so one bad field keeps the rest. */
  llm: z.unknown().optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export class SettingsStore {
  /** Writes run one after another, each writing the latest value: two overlapping atomic writes
   * could otherwise finish in the wrong order and leave the older value on disk. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private value: Settings,
  ) {}

  static async open(libraryDir: string): Promise<SettingsStore> {
    const file = join(libraryDir, 'settings.json');
    let value: Settings = {};
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      // A damaged settings file falls back to defaults rather than locking the user out of the library.
      if (parsed.success) value = parsed.data;
    } catch {
      value = {};
    }
    return new SettingsStore(file, value);
  }

  get(): Readonly<Settings> {
    return this.value;
  }

  async set(patch: Partial<Settings>): Promise<void> {
    this.value = { ...this.value, ...patch };
    const write = () => writeFileAtomic(this.file, JSON.stringify(this.value, null, 2) + '\n');
    const run = this.writing.then(write, write);
    this.writing = run.catch(() => undefined);
    await run;
  }
}
