// The graph cell's Experiment settings: stored in the cell's data under `experiment`
// (GraphCellDataSchema does not know the key; the view keeps it when it updates the data), the
// mean degrees as typed, and how to tell an experiment's table from the metrics summary.
import { z } from 'zod';

export const ExperimentSettingsSchema = z.object({
  kind: z.enum(['giant-component', 'robustness']).default('giant-component'),
  n: z.number().int().min(2).max(1_000_000).default(2000),
  /** Mean degrees, as typed: numbers separated by commas or spaces. */
  meanDegrees: z.string().max(10_000).default('0.5, 1, 1.5, 2, 3, 4'),
  repeats: z.number().int().min(1).max(1000).default(5),
  steps: z.number().int().min(1).max(10_000).default(20),
});
export type ExperimentSettings = z.output<typeof ExperimentSettingsSchema>;

export const parseMeanDegrees = (s: string): number[] =>
  s
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number)
    .filter((v) => Number.isFinite(v) && v >= 0);

/** True when a cell's table output is an experiment table (not the metrics summary). */
export const isExperimentTable = (columns: readonly string[]): boolean =>
  columns[0] === 'mean_degree' || columns[0] === 'fraction_removed';

export const clampInt = (v: number, lo: number, hi: number) =>
  Math.max(lo, Math.min(hi, Math.round(v)));
