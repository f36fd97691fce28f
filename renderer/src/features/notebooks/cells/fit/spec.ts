// The fit cell's spec as the view edits it: defaults, the preset test, the compiled-model cache and
// the constants the form shares (the formula choice, the stored form of an open bound).
import { PRESETS, type Model } from '@shared/fit/index';
import type { FitCellData } from '@shared/notebook/cells/fit';
import { modelOf } from './fitMath';

/** The model select's value for "type a formula". */
export const FORMULA = '__formula';
export const DEFAULT_DATA: FitCellData = { source: '', x: 'x', y: 'y', model: 'power-law' };
/** Stored for an open side of a bound (JSON has no Infinity). */
export const OPEN = 1e300;

export const isPreset = (m: string) => Object.hasOwn(PRESETS, m.trim());

export function withoutUndefined(d: FitCellData): FitCellData {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as FitCellData;
}

/** Comma-separated variable names as a list (blanks dropped). */
export const splitVariables = (text: string): string[] =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const modelCache = new Map<string, Model | null>();
/** The compiled model of a spec (formulas compile once; a few dozen kept). */
export function cachedModel(data: FitCellData): Model | null {
  const key = `${data.model}\n${(data.variables ?? []).join(',')}`;
  let m = modelCache.get(key);
  if (m === undefined) {
    m = modelOf(data);
    if (modelCache.size > 50) modelCache.clear();
    modelCache.set(key, m);
  }
  return m;
}
