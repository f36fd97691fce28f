// `quire fit` on temporary CSV files: table and JSON output, formulas, errors on stderr.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '@shared/fit/index';
import { fitCommand, parseStart, PRESET_NAMES_FOR_HELP } from './fit-command';

const dir = mkdtempSync(join(tmpdir(), 'quire-fit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

function csv(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function run(args: string[]): Promise<{ out: string; err: string; code: unknown }> {
  let out = '';
  let err = '';
  const io = {
    out: (s: string) => void (out += s),
    err: (s: string) => void (err += s),
    isTTY: false,
  };
  await fitCommand(io).parseAsync(['node', 'fit', ...args], { from: 'node' });
  const code = process.exitCode;
  process.exitCode = undefined;
  return { out, err, code };
}

const xs = Array.from({ length: 20 }, (_, i) => 1 + i * 5);
const powerCsv = csv(
  'power.csv',
  'steps,loss,err\n' +
    xs.map((x, i) => `${x},${(1.5 + 10 * x ** -0.5) * (1 + 0.001 * Math.sin(i))},0.01`).join('\n') +
    '\n',
);

describe('quire fit', () => {
  it('prints a table for a preset', async () => {
    const r = await run([
      '--data',
      powerCsv,
      '--x',
      'steps',
      '--y',
      'loss',
      '--model',
      'power-law-offset',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBeUndefined();
    expect(r.out).toMatch(/status: converged/);
    expect(r.out).toMatch(/^alpha\s+0\.49\d+/m);
    expect(r.out).toMatch(/95 % CI/);
    expect(r.out).toMatch(/RSS = .*R² = 0\.99/);
  });

  it('prints JSON for a formula with named starting values and sigma', async () => {
    const r = await run([
      '--data',
      powerCsv,
      '--x',
      'steps',
      '--y',
      'loss',
      '--sigma',
      'err',
      '--model',
      'E + A*steps^-alpha',
      '--start',
      'E=1,A=5,alpha=0.3',
      '--json',
    ]);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as {
      status: string;
      names: string[];
      values: number[];
      variables: string[];
      weighted: boolean;
    };
    expect(j.status).toBe('converged');
    expect(j.variables).toEqual(['steps']);
    expect(j.names).toEqual(['E', 'A', 'alpha']);
    expect(j.values[2]).toBeCloseTo(0.5, 2);
    expect(j.weighted).toBe(true);
  });

  it('fits two x columns (Chinchilla) and skips rows with blanks', async () => {
    const rows: string[] = ['N,D,L'];
    for (const n of [1e7, 1e8, 1e9, 1e10])
      for (const d of [1e9, 1e10, 1e11, 1e12])
        rows.push(`${n},${d},${1.69 + 406.4 / n ** 0.34 + 410.7 / d ** 0.28}`);
    rows.push('1e8,,2.5');
    const file = csv('chin.csv', rows.join('\n'));
    const r = await run([
      '--data',
      file,
      '--x',
      'N,D',
      '--y',
      'L',
      '--model',
      'chinchilla',
      '--json',
    ]);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as { values: number[]; skippedRows: number };
    expect(j.skippedRows).toBe(1);
    expect(j.values[2]).toBeCloseTo(0.34, 5);
  });

  it.each([
    [
      ['--data', '', '--x', 'steps', '--y', 'loss', '--model', 'linear'],
      /--data FILE\.csv is required/,
    ],
    [['--data', 'nope.csv', '--x', 'a', '--y', 'b', '--model', 'linear'], /cannot read nope\.csv/],
    [
      ['--x', 'nosuch', '--y', 'loss', '--model', 'linear'],
      /column 'nosuch' not found .*columns: steps, loss, err/,
    ],
    [
      ['--x', 'steps', '--y', 'loss', '--model', 'a*x + import("fs")'],
      /function 'import' is not allowed/,
    ],
    [
      ['--x', 'steps', '--y', 'loss', '--model', 'linear', '--start', 'a=oops'],
      /--start: 'a' is not a number/,
    ],
  ])('reports errors on one stderr line (%#)', async (args, re) => {
    const full = args.includes('--data') ? args : ['--data', powerCsv, ...args];
    const r = await run(full);
    expect(r.out).toBe('');
    expect(r.err).toMatch(re);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^quire: fit: /);
    expect(r.code).toBe(1);
  });

  it('rejects non-numeric cells with their position', async () => {
    const file = csv('bad.csv', 'x,y\n1,2\n2,abc\n3,4\n');
    const r = await run(['--data', file, '--x', 'x', '--y', 'y', '--model', 'linear']);
    expect(r.err).toMatch(/row 3, column 'y': 'abc' is not a number/);
    expect(r.code).toBe(1);
  });

  it("lists the engine's presets in its help without loading the engine", () => {
    expect([...PRESET_NAMES_FOR_HELP]).toEqual(PRESET_NAMES);
  });

  it('parses --start lists', () => {
    expect(parseStart('b1=1, b2=2e-3')).toEqual({ b1: 1, b2: 0.002 });
    expect(parseStart('1,2')).toEqual([1, 2]);
  });
});
