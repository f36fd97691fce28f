// The fit form: the source table, the model (a preset or a typed formula with its variables and
// the parameters detected as you type) and the x, y and σ columns.
import type { ReactElement } from 'react';
import { PRESET_NAMES, PRESETS } from '@shared/fit/index';
import { ColumnSelect } from './ColumnSelect';
import { FORMULA } from './spec';
import type { FitSpec } from './useFitSpec';
import type { FormulaState } from './useFormula';

/** The formula, its variables and the detected parameters (typed-formula models only). */
function FormulaFields({ f }: { f: FormulaState }): ReactElement {
  const { detected } = f;
  return (
    <>
      <label className="fit-wide">
        <span>Formula</span>
        <input
          data-testid="fit-formula"
          className="fit-formula"
          spellCheck={false}
          value={f.formula}
          onChange={(e) => f.setFormula(e.target.value)}
          onBlur={f.commitFormula}
          onKeyDown={(e) => e.key === 'Enter' && f.commitFormula()}
        />
      </label>
      <label>
        <span>Variables</span>
        <input
          data-testid="fit-variables"
          className="fit-number"
          value={f.variablesText}
          onChange={(e) => f.setVariablesText(e.target.value)}
          onBlur={f.commitFormula}
        />
      </label>
      <div className="fit-detected fit-wide" data-testid="fit-detected" aria-live="polite">
        {'error' in detected ? (
          <span className="fit-error">{detected.error}</span>
        ) : (
          <>
            Parameters:{' '}
            {detected.params.length ? (
              detected.params.map((p) => (
                <code key={p} className="fit-chip">
                  {p}
                </code>
              ))
            ) : (
              <em>none</em>
            )}
          </>
        )}
      </div>
    </>
  );
}

/** One x column per model variable, then y and the optional σ. */
function ColumnFields({ spec, variables }: { spec: FitSpec; variables: string[] }): ReactElement {
  const { data, columns, xCols, update } = spec;
  return (
    <>
      {Array.from({ length: Math.max(1, variables.length) }, (_, i) => (
        <label key={i}>
          <span>{variables.length > 1 ? `x: ${variables[i]}` : 'x'}</span>
          <ColumnSelect
            testId={i === 0 ? 'fit-x' : `fit-x-${i + 1}`}
            columns={columns}
            value={xCols[i] ?? ''}
            onChange={(v) => spec.setX(i, v)}
          />
        </label>
      ))}
      <label>
        <span>y</span>
        <ColumnSelect
          testId="fit-y"
          columns={columns}
          value={data.y}
          onChange={(v) => update({ y: v })}
        />
      </label>
      <label>
        <span>σ (optional)</span>
        <ColumnSelect
          testId="fit-sigma"
          columns={columns}
          value={data.sigma ?? ''}
          onChange={(v) => update({ sigma: v || undefined })}
          emptyLabel="none"
        />
      </label>
    </>
  );
}

export function FitForm({ spec, f }: { spec: FitSpec; f: FormulaState }): ReactElement {
  const { data, preset, sources, sourceCell } = spec;
  return (
    <div className="fit-form">
      <label>
        <span>Table</span>
        <select
          className="select"
          data-testid="fit-source"
          value={sourceCell ? (sourceCell.cell.name ?? sourceCell.cell.id) : ''}
          onChange={(e) => spec.chooseSource(e.target.value, f.variables.length)}
        >
          <option value="" disabled>
            {sources.length ? 'Choose a table…' : 'No table in this notebook'}
          </option>
          {sources.map((s) => (
            <option key={s.cell.id} value={s.cell.name ?? s.cell.id}>
              {s.cell.name ?? `${s.cell.type} cell ${s.index + 1}`} ({s.table!.columns.join(', ')})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Model</span>
        <select
          className="select"
          data-testid="fit-model"
          value={preset ? data.model.trim() : FORMULA}
          onChange={(e) => f.chooseModel(e.target.value)}
        >
          {PRESET_NAMES.map((n) => (
            <option key={n} value={n}>
              {n}: {PRESETS[n]!.formula}
            </option>
          ))}
          <option value={FORMULA}>Formula…</option>
        </select>
      </label>
      {!preset && <FormulaFields f={f} />}
      <ColumnFields spec={spec} variables={f.variables} />
    </div>
  );
}
