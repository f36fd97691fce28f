// Fit summary: the statistics of a fit cell's run as typed data in the cell's outputs (a `json`
// output), written by ./fit.ts and read by the fit cell view, so no layer parses the status line
// (that sentence is for people and the exports). Outputs stored before it existed have none.
import { z } from 'zod';
import type { FitResult } from '../../fit/index';
import type { CellOutput } from '../model';

/** A finite number, or null (JSON has no NaN or Infinity; notebooks are stored as JSON). */
const stat = z.number().nullable();

export const FitSummarySchema = z.object({
  status: z.enum(['converged', 'stalled', 'iteration-limit', 'failed']),
  /** Which criterion stopped the iteration, in words. */
  reason: z.string(),
  n: z.number().int(),
  dof: z.number().int(),
  rss: stat,
  r2: stat,
  adjustedR2: stat,
  residualStdDev: stat,
  logLikelihood: stat,
  aic: stat,
  bic: stat,
  bootstrap: z
    .object({
      samples: z.number().int(),
      successful: z.number().int(),
      seed: z.number(),
      level: z.number(),
    })
    .optional(),
});
export type FitSummary = z.infer<typeof FitSummarySchema>;

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The summary of an engine result (shared/fit), as stored. */
export function fitSummaryOf(r: FitResult): FitSummary {
  const bs = r.bootstrap;
  return {
    status: r.status,
    reason: r.reason,
    n: r.n,
    dof: r.dof,
    rss: finite(r.rss),
    r2: finite(r.r2),
    adjustedR2: finite(r.adjustedR2),
    residualStdDev: finite(r.residualStdDev),
    logLikelihood: finite(r.logLikelihood),
    aic: finite(r.aic),
    bic: finite(r.bic),
    ...(bs
      ? {
          bootstrap: {
            samples: bs.samples,
            successful: bs.successful,
            seed: bs.seed,
            level: bs.level,
          },
        }
      : {}),
  };
}

/** The output that carries a summary. */
export function fitSummaryOutput(r: FitResult): CellOutput {
  return { kind: 'json', value: { fitSummary: fitSummaryOf(r) } };
}

/** Whether an output is the summary (the exports leave it out: its text says the same). */
export function isFitSummaryOutput(o: CellOutput): boolean {
  return (
    o.kind === 'json' && typeof o.value === 'object' && o.value !== null && 'fitSummary' in o.value
  );
}

/** The stored summary, or null for outputs written before it existed (or not by a fit). */
export function readFitSummary(outputs: readonly CellOutput[]): FitSummary | null {
  for (const o of outputs) {
    if (!isFitSummaryOutput(o) || o.kind !== 'json') continue;
    const parsed = FitSummarySchema.safeParse((o.value as { fitSummary: unknown }).fitSummary);
    if (parsed.success) return parsed.data;
  }
  return null;
}
