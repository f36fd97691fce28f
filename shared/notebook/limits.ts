// Keeps a cell's outputs within the notebook format's limits (NOTEBOOK_LIMITS): used when a run's
// outputs are saved, and when a file written over the limits (by an older version) is opened, so
// such a notebook lists and opens with a note instead of failing to load and vanishing.
import { NOTEBOOK_LIMITS, type CellOutput } from './model';

const fmt = (n: number) => n.toLocaleString('en-US');

function clip(o: CellOutput): CellOutput {
  const max = NOTEBOOK_LIMITS.outputChars;
  const cut = (t: string) =>
    typeof t !== 'string' || t.length <= max
      ? t
      : `${t.slice(0, max - 80)}… (${fmt(t.length - (max - 80))} more characters not kept)`;
  if (o.kind === 'text' || o.kind === 'console') return { ...o, text: cut(o.text) };
  if (o.kind === 'error') return { ...o, message: cut(o.message) };
  return o;
}

/**
 * At most `outputsPerCell` outputs: results and errors are kept, console lines after the first ones
 * that fit are dropped and counted in a closing note ("… 4,213 more console lines not kept").
 * `why` is added to the note (e.g. for a repaired file).
 */
export function limitOutputs(outputs: CellOutput[], why = ''): CellOutput[] {
  const max = NOTEBOOK_LIMITS.outputsPerCell;
  if (outputs.length <= max) return outputs.some((o) => tooLong(o)) ? outputs.map(clip) : outputs;
  const others = outputs.filter((o) => o.kind !== 'console').slice(-(max - 1));
  const room = max - 1 - others.length;
  let kept = 0;
  let dropped = 0;
  const out: CellOutput[] = [];
  for (const o of outputs) {
    if (o.kind !== 'console') continue;
    if (kept < room) {
      out.push(clip(o));
      kept++;
    } else dropped++;
  }
  const droppedOthers = outputs.length - out.length - dropped - others.length;
  const what = [
    dropped ? `${fmt(dropped)} more console lines` : '',
    droppedOthers ? `${fmt(droppedOthers)} more outputs` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  out.push({ kind: 'console', level: 'warn', text: `… ${what} not kept${why}` });
  return [...out, ...others.map(clip)];
}

function tooLong(o: CellOutput): boolean {
  const max = NOTEBOOK_LIMITS.outputChars;
  const long = (t: unknown) => typeof t === 'string' && t.length > max;
  return (
    ((o.kind === 'text' || o.kind === 'console') && long(o.text)) ||
    (o.kind === 'error' && long(o.message))
  );
}
