// Notebook file migrations: ordered steps, each taking the raw JSON of version n to n + 1.
// A file is migrated in memory on load and written in the current version on its next save.

export const CURRENT_VERSION = 1;

export type Migration = {
  from: number;
  to: number;
  describe: string;
  up: (raw: RawFile) => RawFile;
};
export type RawFile = Record<string, unknown>;

const asRecord = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * Version 0 was the prototype's layout: `name` for the title, `created`/`modified` times,
 * cells with `kind` and a single `content` string, one `output` string, no revision.
 * No release wrote it; it stays as the worked example (and test) of a migration step.
 */
const v0ToV1: Migration = {
  from: 0,
  to: 1,
  describe:
    'rename name→title, created/modified→createdAt/updatedAt, cell kind/content→type/source',
  up: (raw) => {
    const cells = Array.isArray(raw.cells) ? raw.cells : [];
    return {
      format: raw.format,
      version: 1,
      id: raw.id,
      title: raw.name ?? '',
      createdAt: raw.created,
      updatedAt: raw.modified ?? raw.created,
      revision: 0,
      cells: cells.map((c) => {
        const cell = asRecord(c);
        const text = typeof cell.content === 'string' ? cell.content : '';
        return {
          id: cell.id,
          type: cell.kind,
          source: text.split(/(?<=\n)/),
          outputs:
            typeof cell.output === 'string' && cell.output !== ''
              ? [{ kind: 'text', text: cell.output.split(/(?<=\n)/) }]
              : [],
          inputsHash: null,
          ranAt: null,
        };
      }),
    };
  },
};

export const MIGRATIONS: readonly Migration[] = [v0ToV1];

/** Runs every step from the file's version up to CURRENT_VERSION. */
export function migrate(raw: RawFile, steps: readonly Migration[] = MIGRATIONS): RawFile {
  let version = typeof raw.version === 'number' ? raw.version : 0;
  if (version > CURRENT_VERSION)
    throw new Error(
      `notebook: this file is format version ${version}, made by a newer Quire (this one reads up to ${CURRENT_VERSION})`,
    );
  let out = raw;
  while (version < CURRENT_VERSION) {
    const step = steps.find((s) => s.from === version);
    if (!step) throw new Error(`notebook: no migration from format version ${version}`);
    out = step.up(out);
    version = step.to;
  }
  return out;
}
