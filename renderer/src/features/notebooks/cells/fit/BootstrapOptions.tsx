// The residual-bootstrap switch of the fit cell with its number of refits and seed.
import type { ReactElement } from 'react';
import { NumberField } from '../../../../components/NumberField';
import type { FitCellData } from '../../../../../../shared/notebook/cells/fit';
import { OPEN } from './spec';

export function BootstrapOptions(props: {
  data: FitCellData;
  update(patch: Partial<FitCellData>): void;
}): ReactElement {
  const { data, update } = props;
  return (
    <div className="fit-bootstrap">
      <label>
        <input
          type="checkbox"
          data-testid="fit-bootstrap"
          checked={data.bootstrap !== undefined}
          onChange={(e) =>
            update({ bootstrap: e.target.checked ? { samples: 1000, seed: 1 } : undefined })
          }
        />{' '}
        Bootstrap
      </label>
      {data.bootstrap && (
        <>
          <label>
            <span>n</span>
            <NumberField
              className="fit-number"
              openBeyond={OPEN}
              label="bootstrap samples"
              testId="fit-bootstrap-samples"
              placeholder="1000"
              value={data.bootstrap.samples}
              onCommit={(v) =>
                update({
                  bootstrap: {
                    samples: Math.min(10000, Math.max(1, Math.round(v ?? 1000))),
                    seed: data.bootstrap?.seed ?? 1,
                  },
                })
              }
            />
          </label>
          <label>
            <span>seed</span>
            <NumberField
              className="fit-number"
              openBeyond={OPEN}
              label="bootstrap seed"
              testId="fit-bootstrap-seed"
              placeholder="1"
              value={data.bootstrap.seed}
              onCommit={(v) =>
                update({
                  bootstrap: { samples: data.bootstrap?.samples ?? 1000, seed: Math.round(v ?? 1) },
                })
              }
            />
          </label>
        </>
      )}
    </div>
  );
}
