// Start values and bounds per parameter of the fit (blank start = automatic, blank bound = open).
import type { ReactElement } from 'react';
import { NumberField } from '../../../../components/NumberField';
import type { FitCellData } from '@shared/notebook/cells/fit';
import { OPEN } from './spec';

export function StartBoundsEditor(props: {
  paramNames: string[];
  data: FitCellData;
  update(patch: Partial<FitCellData>): void;
}): ReactElement {
  const { paramNames, data, update } = props;
  const setStart = (name: string, v: number | undefined) => {
    const start = { ...(data.start ?? {}) };
    if (v === undefined) delete start[name];
    else start[name] = v;
    update({ start: Object.keys(start).length ? start : undefined });
  };
  const setBound = (name: string, side: 0 | 1, v: number | undefined) => {
    const bounds = { ...(data.bounds ?? {}) };
    const cur: [number, number] = bounds[name] ? [...bounds[name]] : [-OPEN, OPEN];
    cur[side] = v ?? (side === 0 ? -OPEN : OPEN);
    if (cur[0] <= -OPEN && cur[1] >= OPEN) delete bounds[name];
    else bounds[name] = cur;
    update({ bounds: Object.keys(bounds).length ? bounds : undefined });
  };
  return (
    <details className="fit-start">
      <summary>Start values and bounds</summary>
      <table>
        <thead>
          <tr>
            <th>Parameter</th>
            <th>Start</th>
            <th>Lower</th>
            <th>Upper</th>
          </tr>
        </thead>
        <tbody>
          {paramNames.map((p) => (
            <tr key={p}>
              <td>
                <code>{p}</code>
              </td>
              <td>
                <NumberField
                  className="fit-number"
                  openBeyond={OPEN}
                  label={`start ${p}`}
                  testId={`fit-start-${p}`}
                  placeholder="auto"
                  value={data.start?.[p]}
                  onCommit={(v) => setStart(p, v)}
                />
              </td>
              <td>
                <NumberField
                  className="fit-number"
                  openBeyond={OPEN}
                  label={`lower bound ${p}`}
                  placeholder="−∞"
                  value={data.bounds?.[p]?.[0]}
                  onCommit={(v) => setBound(p, 0, v)}
                />
              </td>
              <td>
                <NumberField
                  className="fit-number"
                  openBeyond={OPEN}
                  label={`upper bound ${p}`}
                  placeholder="+∞"
                  value={data.bounds?.[p]?.[1]}
                  onCommit={(v) => setBound(p, 1, v)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
