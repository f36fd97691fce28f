// Stored outputs of computed cells as a report shows them: a fit's parameter table becomes
// "value ± standard error" and an interval at the same decimal place, statistics in sentences are
// rounded to 4 significant digits, a metrics table to 4, other tables to 6. The stored outputs keep
// full precision (other cells and the app read them); only the exported text is rounded.
import { FIT_DEFAULTS } from '../../fit/index';
import type { CellOutput } from '../model';
import { formatInterval, formatNumber, formatValueError, roundNumbersInText } from './numbers';

type TableOutput = Extract<CellOutput, { kind: 'table' }>;

const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);
const level = `${Math.round(FIT_DEFAULTS.confidence * 100)} %`;

/** Numbers of a table to `sig` significant digits (integers and text as they are). */
export function roundTable(o: TableOutput, sig: number): TableOutput {
  return {
    ...o,
    rows: o.rows.map((r) => r.map((v) => (typeof v === 'number' ? formatNumber(v, sig) : v))),
  };
}

/** The parameter or bootstrap table of a fit, else null. */
function fitTable(o: TableOutput): TableOutput | null {
  const col = (name: string) => o.columns.indexOf(name);
  const [v, se, lo, hi] = [col('value'), col('stdError'), col('ciLower'), col('ciUpper')];
  if (o.columns[0] === 'parameter' && v > 0 && se > 0)
    return {
      kind: 'table',
      columns: [
        'parameter',
        'value ± std. error',
        ...(lo > 0 && hi > 0 ? [`${level} interval`] : []),
      ],
      rows: o.rows.map((r) => [
        r[0],
        formatValueError(num(r[v]), num(r[se])),
        ...(lo > 0 && hi > 0 ? [formatInterval(num(r[lo]), num(r[hi]), num(r[se]))] : []),
      ]),
    };
  if (o.columns[0] === 'bootstrap' && se > 0)
    return {
      kind: 'table',
      columns: [
        'parameter',
        'bootstrap std. error',
        ...(lo > 0 && hi > 0 ? ['bootstrap interval'] : []),
      ],
      rows: o.rows.map((r) => [
        r[0],
        formatNumber(num(r[se]), 2),
        ...(lo > 0 && hi > 0 ? [formatInterval(num(r[lo]), num(r[hi]), num(r[se]))] : []),
      ]),
    };
  return null;
}

/** A fit cell's outputs for a report. */
export function fitReportOutputs(outputs: readonly CellOutput[]): CellOutput[] {
  return outputs.map((o) => {
    if (o.kind === 'table') return fitTable(o) ?? roundTable(o, 6);
    if (o.kind === 'text') return { ...o, text: roundNumbersInText(o.text, 4) };
    return o;
  });
}

/** A graph cell's summary outputs for a report (metrics to 4 significant digits). */
export function metricsReportOutputs(outputs: readonly CellOutput[]): CellOutput[] {
  return outputs.map((o) => (o.kind === 'table' ? roundTable(o, 4) : o));
}
