// The fitted parameters: value ± standard error, the t interval and, after a bootstrap, its
// percentile interval and standard error.
import type { ReactElement } from 'react';
import type { StoredFit } from './fitMath';
import { formatNumber } from './SvgChart';

export function FitParamsTable({ stored }: { stored: StoredFit }): ReactElement {
  const boot = stored.bootstrap;
  const bootByName = new Map((boot?.params ?? []).map((p) => [p.name, p]));
  return (
    <table className="fit-params" data-testid="fit-params">
      <thead>
        <tr>
          <th>Parameter</th>
          <th>Value ± std. error</th>
          <th>95 % CI</th>
          {boot && (
            <th data-testid="fit-bootstrap-header">
              95 % CI (bootstrap
              {boot.successful !== null ? `, ${boot.successful}/${boot.samples}` : ''})
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {stored.params.map((p) => {
          const bp = bootByName.get(p.name);
          return (
            <tr
              key={p.name}
              data-testid="fit-param-row"
              data-param={p.name}
              data-value={p.value}
              data-std-error={p.stdError}
            >
              <td>
                <code>{p.name}</code>
              </td>
              <td>
                {formatNumber(p.value, 5)} ± {formatNumber(p.stdError, 3)}
              </td>
              <td>
                [{formatNumber(p.ciLower, 4)}, {formatNumber(p.ciUpper, 4)}]
              </td>
              {boot && (
                <td data-testid="fit-bootstrap-ci">
                  {bp
                    ? `[${formatNumber(bp.ciLower, 4)}, ${formatNumber(bp.ciUpper, 4)}] (SE ${formatNumber(bp.stdError, 3)})`
                    : '—'}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
