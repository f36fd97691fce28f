// The fit cell stores the engine's statistics as typed data: what readFitSummary returns is what
// shared/fit computed (AIC, BIC, log-likelihood, R²…), and the exports leave that output out.
import { describe, expect, it } from 'vitest';
import { fit } from '../../fit/index';
import type { Notebook } from '../model';
import type { ExportContext } from '../registry';
import { fitCell } from './fit';
import { readFitSummary } from './fit-summary';

const rows = Array.from({ length: 12 }, (_, i) => {
  const x = 1 + i;
  return [x, 2 + 3 * x ** -0.5 + 0.01 * Math.sin(5 * i)];
});

function notebook(bootstrap?: { samples: number; seed: number }): Notebook {
  return {
    id: 'nb',
    title: 't',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    revision: 1,
    cells: [
      {
        id: 'tbl',
        type: 'table',
        name: 'runs',
        data: {
          columns: [
            { name: 'x', type: 'number' },
            { name: 'y', type: 'number' },
          ],
          rows,
        },
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
      {
        id: 'fit1',
        type: 'fit',
        data: {
          source: 'runs',
          x: 'x',
          y: 'y',
          model: 'power-law-offset',
          ...(bootstrap ? { bootstrap } : {}),
        },
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
    ],
  };
}

async function run(nb: Notebook) {
  return fitCell.run!(nb.cells[1]!, {
    notebook: nb,
    signal: new AbortController().signal,
    runJavaScript: async () => [],
    fit: async (model, data, options) => fit(model, data, options),
  });
}

describe('fit summary', () => {
  it("stores the engine's statistics, readable back as typed data", async () => {
    const nb = notebook({ samples: 30, seed: 2 });
    const outputs = await run(nb);
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
      n: 12,
      dof: 9,
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
    const nb = notebook();
    nb.cells[1]!.outputs = await run(nb);
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
