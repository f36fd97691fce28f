// The fit's results: the source paper link, the parameters, the statistics the engine stored
// (RSS, R², AIC, BIC, n) and the comparison with the other fits of the same table and y.
import type { ReactElement } from 'react';
import { TexText } from '../../../../components/TexText';
import type { FitSummary } from '@shared/notebook/cells/fit-summary';
import type { CompareRow } from './compare';
import { FitParamsTable } from './FitParamsTable';
import type { StoredFit } from './fitMath';
import { formatNumber } from './SvgChart';

/** A stored statistic, or a dash where the run stored none (older notebooks). */
const shown = (v: number | null | undefined, digits: number) =>
  v === null || v === undefined ? '—' : formatNumber(v, digits);

function FitStatsList({ summary }: { summary: FitSummary | null }): ReactElement {
  return (
    <dl className="fit-stats" data-testid="fit-stats">
      <div>
        <dt>RSS</dt>
        <dd>{shown(summary?.rss, 5)}</dd>
      </div>
      <div>
        <dt>R²</dt>
        <dd>{shown(summary?.r2, 6)}</dd>
      </div>
      <div>
        <dt>AIC</dt>
        <dd>{shown(summary?.aic, 5)}</dd>
      </div>
      <div>
        <dt>BIC</dt>
        <dd>{shown(summary?.bic, 5)}</dd>
      </div>
      <div>
        <dt>n</dt>
        <dd>{summary?.n ?? '—'}</dd>
      </div>
    </dl>
  );
}

function FitCompareTable(props: { rows: CompareRow[]; currentId: string }): ReactElement {
  return (
    <table className="fit-compare" data-testid="fit-compare">
      <caption>Compare models</caption>
      <thead>
        <tr>
          <th>Model</th>
          <th>Parameters</th>
          <th>RSS</th>
          <th>R²</th>
          <th>AIC</th>
          <th>BIC</th>
          <th>ΔAIC</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr
            key={r.cellId}
            data-testid="fit-compare-row"
            data-cell={r.cellId}
            data-delta-aic={r.deltaAic ?? undefined}
            className={r.cellId === props.currentId ? 'is-current' : undefined}
          >
            <td>
              <code>{r.model}</code>
            </td>
            <td>{r.nParams}</td>
            <td>{shown(r.rss, 5)}</td>
            <td>{shown(r.r2, 6)}</td>
            <td>{shown(r.aic, 5)}</td>
            <td>{shown(r.bic, 5)}</td>
            <td>{shown(r.deltaAic, 3)}</td>
            <td>{r.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FitResults(props: {
  stored: StoredFit;
  comparison: CompareRow[];
  cellId: string;
  paperId: string | undefined;
  paperTitle: string | null;
  openPaper(id: string): void;
}): ReactElement {
  const { stored, paperId } = props;
  return (
    <div className="fit-results">
      {paperId && (
        <p className="fit-source-paper" data-testid="fit-source-paper">
          Data from{' '}
          <button type="button" className="fit-link" onClick={() => props.openPaper(paperId)}>
            {props.paperTitle ? <TexText text={props.paperTitle} /> : paperId}
          </button>
        </p>
      )}
      <FitParamsTable stored={stored} />
      <FitStatsList summary={stored.summary} />
      {props.comparison.length > 1 && (
        <FitCompareTable rows={props.comparison} currentId={props.cellId} />
      )}
    </div>
  );
}
