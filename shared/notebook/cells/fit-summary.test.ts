// The fit cell stores the engine's statistics as typed data: what readFitSummary returns is what
// shared/fit computed (AIC, BIC, log-likelihood, R²…), and the exports leave that output out.
import { describe, expect, it } from 'vitest';
import { fit } from '../../fit/index';
import type { ExportContext } from '../registry';
import { fitCell } from './fit';
import { notebookWith, runFitCell, scalingRows } from './fit.fixtures';
import { readFitSummary } from './fit-summary';

const spec = { source: 'runs', x: 'compute', y: 'loss', model: 'power-law-offset' };
const rows = scalingRows();

describe('fit summary', () => {
  it("stores the engine's statistics, readable back as typed data", async () => {
    const nb = notebookWith({ ...spec, bootstrap: { samples: 30, seed: 2 } });
    const outputs = await runFitCell(nb, nb.cells[1]!);
    const s = readFitSummary(outputs)!;
    const r = fit(
      'power-law-offset',
      { x: rows.map((r) => r[0]!), y: rows.map((r) => r[1]!) },
      {
        bootstrap: { samples: 30, seed: 2 },
      },
    );
    expect(s).toEqual({
      status: r.status,
      reason: r.reason,
      n: 10,
      dof: 7,
      rss: r.rss,
      r2: r.r2,
      adjustedR2: r.adjustedR2,
      residualStdDev: r.residualStdDev,
      logLikelihood: r.logLikelihood,
      aic: r.aic,
      bic: r.bic,
      bootstrap: { samples: 30, successful: r.bootstrap!.successful, seed: 2, level: 0.95 },
    });
    // It survives the notebook's JSON round trip.
    expect(readFitSummary(JSON.parse(JSON.stringify(outputs)))).toEqual(s);
  });

  it('is null for outputs stored before it existed', () => {
    expect(
      readFitSummary([
        { kind: 'text', text: 'converged (gtol); R² = 1, RSS = 0, residual SD = 0' },
      ]),
    ).toBeNull();
    expect(readFitSummary([{ kind: 'json', value: { fitSummary: { status: 'odd' } } }])).toBeNull();
  });

  it('stays out of the exports', async () => {
    const nb = notebookWith(spec);
    nb.cells[1]!.outputs = await runFitCell(nb, nb.cells[1]!);
    const ctx: ExportContext = {
      notebook: nb,
      paper: () => undefined,
      table: () => undefined,
      citations: [],
    };
    expect(fitCell.exporters.markdown(nb.cells[1]!, ctx)).not.toContain('fitSummary');
    expect(fitCell.exporters.html(nb.cells[1]!, ctx)).not.toContain('fitSummary');
    expect(JSON.stringify(fitCell.exporters.ipynb!(nb.cells[1]!, ctx))).not.toContain('fitSummary');
  });
});
