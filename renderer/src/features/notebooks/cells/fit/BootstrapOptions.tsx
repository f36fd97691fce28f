// The residual-bootstrap switch of the fit cell with its number of refits and seed.
import type { ReactElement } from 'react';
import { NumberField } from '../../../../components/NumberField';
import type { FitCellData } from '@shared/notebook/cells/fit';

/** A labelled number of the bootstrap (refits or seed). */
function BootstrapField(props: {
  caption: string;
  label: string;
  testId: string;
  placeholder: string;
  value: number;
  onCommit(v: number | undefined): void;
}): ReactElement {
  return (
    <label>
      <span>{props.caption}</span>
      <NumberField
        className="fit-number"
        label={props.label}
        testId={props.testId}
        placeholder={props.placeholder}
        value={props.value}
        onCommit={props.onCommit}
      />
    </label>
  );
}

export function BootstrapOptions(props: {
  data: FitCellData;
  update(patch: Partial<FitCellData>): void;
}): ReactElement {
  const { data, update } = props;
  const samples = data.bootstrap?.samples ?? 1000;
  const seed = data.bootstrap?.seed ?? 1;
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
          <BootstrapField
            caption="n"
            label="bootstrap samples"
            testId="fit-bootstrap-samples"
            placeholder="1000"
            value={data.bootstrap.samples}
            onCommit={(v) =>
              update({
                bootstrap: { samples: Math.min(10000, Math.max(1, Math.round(v ?? 1000))), seed },
              })
            }
          />
          <BootstrapField
            caption="seed"
            label="bootstrap seed"
            testId="fit-bootstrap-seed"
            placeholder="1"
            value={data.bootstrap.seed}
            onCommit={(v) => update({ bootstrap: { samples, seed: Math.round(v ?? 1) } })}
          />
        </>
      )}
    </div>
  );
}
