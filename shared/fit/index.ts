// Fit: public entry point of the curve-fitting engine (see ./engine for the method and
// references: Moré 1978, "The Levenberg-Marquardt algorithm: implementation and theory").

export {
  BOOTSTRAP_DEFAULT_SAMPLES,
  BOOTSTRAP_MAX_SAMPLES,
  FIT_DEFAULTS,
  fit,
  startingValues,
} from './engine';
export type {
  BootstrapOptions,
  FitBootstrap,
  FitData,
  FitOptions,
  FitParam,
  FitResult,
  FitStatus,
} from './engine';
export {
  compileFormula,
  detectParams,
  formulaSymbols,
  formulaTree,
  FORMULA_CONSTANTS,
  FORMULA_FUNCTIONS,
} from './formula';
export type { CompiledFormula, FormulaOptions } from './formula';
export { levenbergMarquardt, LM_DEFAULTS } from './lm';
export type { LmOptions, LmProblem, LmResult, LmStop } from './lm';
export { formulaModel, PRESET_NAMES, PRESETS, resolveModel } from './models';
export type { FormulaModelOptions, Model } from './models';
export { studentTCdf, studentTQuantile } from './stats';
