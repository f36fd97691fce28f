// The notebook file: encode a Notebook as diff-friendly JSON and decode (and migrate) it back.
// Layout and rules: FORMAT.md beside this file.
import { CURRENT_VERSION, migrate, type RawFile } from './migrations';
import { limitOutputs } from './limits';
import {
  NOTEBOOK_LIMITS,
  NotebookSchema,
  type Cell,
  type CellOutput,
  type Notebook,
} from './model';
import { stableStringify } from './stable-json';

export const NOTEBOOK_FORMAT = 'quire-notebook';
export const NOTEBOOK_EXTENSION = '.quire-notebook.json';

/** "a\nb\n" → ["a\n", "b\n"]: every line keeps its newline, so joining gives the text back exactly. */
export function toLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

function fromLines(v: unknown, where: string): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((l) => typeof l === 'string')) return v.join('');
  throw new Error(`notebook: ${where} must be a string or an array of lines`);
}

type FileOutput = Record<string, unknown>;

function outputToFile(o: CellOutput): FileOutput {
  switch (o.kind) {
    case 'text':
      return { kind: o.kind, text: toLines(o.text) };
    case 'console':
      return { kind: o.kind, level: o.level, text: toLines(o.text) };
    case 'error':
      return { kind: o.kind, name: o.name, message: toLines(o.message) };
    case 'svg':
      return { kind: o.kind, svg: toLines(o.svg) };
    default:
      return o;
  }
}

function outputFromFile(o: unknown, where: string): unknown {
  if (o === null || typeof o !== 'object') return o;
  const r = { ...(o as FileOutput) };
  for (const key of ['text', 'message', 'svg'])
    if (key in r && r.kind !== 'json') r[key] = fromLines(r[key], `${where}.${key}`);
  return r;
}

/** The file's text for a notebook (always the current version). */
export function encodeNotebook(nb: Notebook): string {
  return stableStringify({
    format: NOTEBOOK_FORMAT,
    version: CURRENT_VERSION,
    id: nb.id,
    title: nb.title,
    createdAt: nb.createdAt,
    updatedAt: nb.updatedAt,
    revision: nb.revision,
    cells: nb.cells.map((c: Cell) => ({
      id: c.id,
      type: c.type,
      name: c.name,
      source: c.source === undefined ? undefined : toLines(c.source),
      data: c.data,
      outputs: c.outputs.map(outputToFile),
      inputsHash: c.inputsHash,
      ranAt: c.ranAt,
    })),
  });
}

const REPAIRED = ` (the file held more than the format's ${NOTEBOOK_LIMITS.outputsPerCell.toLocaleString('en-US')} outputs per cell; repaired on opening)`;

/** Parses, checks and migrates a notebook file; errors say what is wrong in one line. */
export function decodeNotebook(text: string): Notebook {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`notebook: not valid JSON (${(err as Error).message})`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new Error('notebook: the file is not a JSON object');
  if ((raw as RawFile).format !== NOTEBOOK_FORMAT)
    throw new Error(`notebook: not a Quire notebook (format is not "${NOTEBOOK_FORMAT}")`);
  const current = migrate(raw as RawFile);
  const cells = Array.isArray(current.cells) ? current.cells : [];
  const candidate = {
    id: current.id,
    title: current.title,
    createdAt: current.createdAt,
    updatedAt: current.updatedAt,
    revision: current.revision,
    cells: cells.map((c, i) => {
      const cell = { ...(c as Record<string, unknown>) };
      if ('source' in cell) cell.source = fromLines(cell.source, `cells[${i}].source`);
      if (Array.isArray(cell.outputs)) {
        const outputs = cell.outputs.map((o, j) =>
          outputFromFile(o, `cells[${i}].outputs[${j}]`),
        ) as CellOutput[];
        // Files saved over the limits by an older version open repaired, with a note, not refused.
        // (Malformed entries are left for the schema check to name.)
        cell.outputs = outputs.every((o) => o !== null && typeof o === 'object')
          ? limitOutputs(outputs, REPAIRED)
          : outputs;
      }
      return cell;
    }),
  };
  const parsed = NotebookSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `notebook: ${issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid'}`,
    );
  }
  return parsed.data;
}
