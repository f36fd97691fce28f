// The model part of the fit form: the formula and variables drafts (committed on blur or Enter),
// the parameters detected as you type, and switching between presets and a typed formula.
import { useMemo, useState } from 'react';
import { detectParams, PRESETS } from '@shared/fit/index';
import { LOG_LOG_MODELS } from '@shared/notebook/cells/fit-chart';
import { FORMULA, isPreset, splitVariables } from './spec';
import type { FitSpec } from './useFitSpec';

export type Detected = { params: string[] } | { error: string };

export function useFormula(spec: FitSpec, setLogLog: (on: boolean) => void) {
  const { data, preset, update, xCols, xFor } = spec;
  const [formula, setFormula] = useState(preset ? '' : data.model);
  const [variablesText, setVariablesText] = useState((data.variables ?? ['x']).join(', '));

  // A formula changed from outside (undo, another window) replaces the draft.
  const [prevModel, setPrevModel] = useState(data.model);
  if (prevModel !== data.model) {
    setPrevModel(data.model);
    if (!isPreset(data.model)) setFormula(data.model);
  }

  const variables = preset ? [...preset.variables] : splitVariables(variablesText);
  const detected = useMemo((): Detected => {
    if (preset) return { params: [...preset.params] };
    const vars = splitVariables(variablesText);
    try {
      return { params: detectParams(formula, vars.length ? vars : ['x']) };
    } catch (err) {
      return { error: (err as Error).message.replace(/^formula:\s*/, '') };
    }
  }, [preset, formula, variablesText]);
  const paramNames = 'params' in detected ? detected.params : [];

  const chooseModel = (value: string) => {
    if (value === FORMULA) {
      const text = preset && !preset.formula.includes('=') ? preset.formula : 'A * x^(-alpha)';
      setFormula(text);
      update({ model: text, variables: variables.length ? variables : ['x'] });
      return;
    }
    const p = PRESETS[value]!;
    const n = p.variables.length;
    const x = n === 1 ? (xCols[0] ?? 'x') : xFor(n);
    setLogLog(LOG_LOG_MODELS.has(value));
    update({ model: value, variables: undefined, x, start: undefined, bounds: undefined });
  };

  const commitFormula = () => {
    const text = formula.trim();
    const vars = splitVariables(variablesText);
    if (!text) return;
    const n = Math.max(1, vars.length);
    update({ model: text, variables: vars.length ? vars : ['x'], x: xFor(n) });
  };

  return {
    formula,
    setFormula,
    variablesText,
    setVariablesText,
    variables,
    detected,
    paramNames,
    chooseModel,
    commitFormula,
  };
}

export type FormulaState = ReturnType<typeof useFormula>;
