// `quire fit`: fit a preset or a formula to columns of a CSV file with the shared fit engine
// (MINPACK-style Levenberg–Marquardt, Moré 1978, "The Levenberg-Marquardt algorithm:
// implementation and theory") and print parameters ± standard errors, 95 % confidence intervals,
// RSS, R² and the convergence status as a table, or everything as JSON with --json.
import { errorMessage } from '@shared/api/errors';
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import type * as FitEngineModule from '@shared/fit/index';
import type { FitOptions, FitResult } from '@shared/fit/index';
import type { Io } from './context';

/**
 * The presets' names, for the help text: the fit engine (mathjs, ~1 s to load) is imported only
 * when a fit runs. fit-command.test.ts checks this list against the engine's PRESET_NAMES.
 */
export const PRESET_NAMES_FOR_HELP = [
  'power-law',
  'power-law-offset',
  'chinchilla',
  'exponential-decay',
  'logistic',
  'linear',
  'log-log-linear',
] as const;

type FitEngine = typeof FitEngineModule;

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

export type FitCommandOptions = {
  data?: string;
  x?: string;
  y?: string;
  sigma?: string;
  model?: string;
  start?: string;
  loss?: string;
  json?: boolean;
};

function fail(msg: string): never {
  throw new Error(`fit: ${msg}`);
}

/** `b1=1,b2=0.5` → record; `1,0.5` → array. */
export function parseStart(spec: string): number[] | Record<string, number> {
  const parts = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) fail('--start is empty');
  const num = (s: string, what: string): number => {
    const v = Number(s);
    if (s === '' || !Number.isFinite(v)) fail(`--start: ${what} is not a number ('${s}')`);
    return v;
  };
  if (parts.every((p) => !p.includes('='))) return parts.map((p, i) => num(p, `value ${i + 1}`));
  const rec: Record<string, number> = {};
  for (const p of parts) {
    const eq = p.indexOf('=');
    if (eq <= 0) fail(`--start: expected name=value, got '${p}'`);
    const name = p.slice(0, eq).trim();
    rec[name] = num(p.slice(eq + 1).trim(), `'${name}'`);
  }
  return rec;
}

type Table = { columns: string[]; rows: Record<string, unknown>[] };

async function readCsv(file: string): Promise<Table> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<Record<string, unknown>>(text, {
    header: true,
    dynamicTyping: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const columns = parsed.meta.fields ?? [];
  if (columns.length === 0) fail(`${file} has no header row`);
  return { columns, rows: parsed.data };
}

function cellNumber(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const t = Number(v.trim());
    return v.trim() === '' ? null : t;
  }
  return NaN;
}

/** Variable names for a formula: the column names if the formula uses them, else x / x1, x2, … */
function formulaVariables(engine: FitEngine, formula: string, xCols: string[]): string[] {
  let symbols: string[];
  try {
    symbols = engine.formulaSymbols(formula);
  } catch (e) {
    fail((e as Error).message);
  }
  if (xCols.every((c) => symbols.includes(c))) return xCols;
  if (xCols.length === 1) return ['x'];
  return xCols.map((_, i) => `x${i + 1}`);
}

const fmt = (v: number): string =>
  Number.isFinite(v)
    ? Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6
      ? v.toPrecision(6)
      : v.toExponential(5)
    : String(v);

function pad(s: string, n: number): string {
  return s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length);
}

function formatTable(r: FitResult, modelLabel: string, skipped: number): string {
  const lines: string[] = [];
  lines.push(`model:  ${r.model}${modelLabel !== r.model ? `  (${modelLabel})` : ''}`);
  lines.push(`status: ${r.status} (${r.reason})`);
  lines.push(
    `n = ${r.n}, dof = ${r.dof}, iterations = ${r.iterations}, evaluations = ${r.evaluations}` +
      (skipped > 0 ? `, skipped rows = ${skipped}` : ''),
  );
  lines.push('');
  const pct = `${Math.round(r.confidence * 1000) / 10} % CI`;
  const w = Math.max(11, ...r.names.map((n) => n.length + 2));
  lines.push(pad('parameter', w) + pad('value', 14) + pad('std error', 14) + pct);
  for (const p of r.params) {
    lines.push(
      pad(p.name, w) +
        pad(fmt(p.value), 14) +
        pad(fmt(p.stdError), 14) +
        `[${fmt(p.ciLower)}, ${fmt(p.ciUpper)}]` +
        (p.atBound ? '  (at bound)' : ''),
    );
  }
  lines.push('');
  lines.push(
    `RSS = ${fmt(r.rss)}, residual std dev = ${fmt(r.residualStdDev)}, R² = ${fmt(r.r2)}, AIC = ${fmt(r.aic)}, BIC = ${fmt(r.bic)}`,
  );
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n') + '\n';
}

async function runFit(o: FitCommandOptions, io: Io): Promise<void> {
  if (!o.data) fail('--data FILE.csv is required');
  if (!o.x) fail('--x COL[,COL2] is required');
  if (!o.y) fail('--y COL is required');
  if (!o.model)
    fail(`--model is required (a preset: ${PRESET_NAMES_FOR_HELP.join(', ')}; or a formula)`);
  const xCols = o.x
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (xCols.length === 0) fail('--x names no column');
  const table = await readCsv(o.data);
  const wanted = [...xCols, o.y, ...(o.sigma ? [o.sigma] : [])];
  for (const c of wanted)
    if (!table.columns.includes(c))
      fail(`column '${c}' not found in ${o.data} (columns: ${table.columns.join(', ')})`);

  const xs: number[][] = xCols.map(() => []);
  const y: number[] = [];
  const sigma: number[] = [];
  let skipped = 0;
  table.rows.forEach((row, i) => {
    const vals = wanted.map((c) => cellNumber(row[c]));
    if (vals.some((v) => v === null)) {
      skipped++;
      return;
    }
    vals.forEach((v, k) => {
      if (!Number.isFinite(v))
        fail(`row ${i + 2}, column '${wanted[k]}': '${String(row[wanted[k]!])}' is not a number`);
    });
    xCols.forEach((_, k) => xs[k]!.push(vals[k]!));
    y.push(vals[xCols.length]!);
    if (o.sigma) sigma.push(vals[xCols.length + 1]!);
  });

  const engine: FitEngine = await import('@shared/fit/index');
  const modelSpec = o.model.trim();
  const isPreset = Object.hasOwn(engine.PRESETS, modelSpec);
  const options: Partial<FitOptions> = {};
  if (!isPreset) options.variables = formulaVariables(engine, modelSpec, xCols);
  if (o.start) options.start = parseStart(o.start);
  if (o.loss) {
    if (o.loss !== 'linear' && o.loss !== 'huber')
      fail(`--loss must be linear or huber, got '${o.loss}'`);
    options.loss = o.loss;
  }
  const result = engine.fit(modelSpec, { x: xs, y, ...(o.sigma ? { sigma } : {}) }, options);
  if (o.json) {
    io.out(
      JSON.stringify(
        {
          data: o.data,
          x: xCols,
          y: o.y,
          sigma: o.sigma ?? null,
          preset: isPreset ? modelSpec : null,
          skippedRows: skipped,
          ...result,
        },
        null,
        2,
      ) + '\n',
    );
  } else io.out(formatTable(result, isPreset ? modelSpec : 'formula', skipped));
  if (result.status === 'failed') process.exitCode = 1;
}

/** The `fit` command; the main program mounts it with `program.addCommand(fitCommand(io))`. */
export function fitCommand(io: Io = defaultIo): Command {
  return new Command('fit')
    .description('fit a preset model or a formula to CSV columns (Levenberg–Marquardt)')
    .option('--data <file>', 'CSV file with a header row')
    .option('--x <cols>', 'x column, or comma-separated columns for several variables')
    .option('--y <col>', 'y column')
    .option('--sigma <col>', 'column of standard deviations of y (weighted fit)')
    .option(
      '--model <model>',
      `preset (${PRESET_NAMES_FOR_HELP.join(', ')}) or a formula, e.g. "a*x^b"`,
    )
    .option('--start <values>', 'starting values: b1=1,b2=0.5 (or 1,0.5 in parameter order)')
    .option('--loss <loss>', 'linear (least squares, default) or huber')
    .option('--json', 'print machine-readable JSON')
    .action(async function (this: Command) {
      try {
        await runFit(this.optsWithGlobals<FitCommandOptions>(), io);
      } catch (err) {
        const message = errorMessage(err);
        io.err(`quire: ${message.split('\n')[0]}\n`);
        process.exitCode = 1;
      }
    });
}
