// Fit formulas: user model formulas compiled by a hardened mathjs instance. As the environment
// notes require, a private instance is created, references to parse/derivative are kept, and then
// import, createUnit, evaluate, parse, simplify and derivative are overridden with throwing
// functions. On top of that the parsed tree is checked against a whitelist (numeric constants,
// symbols, arithmetic/comparison operators, conditionals and a list of real-valued functions), so
// a formula can only compute a number. Parameters are the symbols that are neither variables,
// functions nor constants; partial derivatives are built symbolically (mathjs `derivative`, on the
// trusted side) and compiled once.

import { all, create } from 'mathjs';
import type { FactoryFunctionMap } from 'mathjs';
import type { EvalFunction, MathNode } from 'mathjs';

const math = create(all as FactoryFunctionMap, { predictable: true });
const trustedParse = math.parse;
const trustedDerivative = math.derivative;

function disabled(name: string): () => never {
  return () => {
    throw new Error(`formula: function '${name}' is disabled in fit formulas`);
  };
}
math.import(
  {
    import: disabled('import'),
    createUnit: disabled('createUnit'),
    evaluate: disabled('evaluate'),
    parse: disabled('parse'),
    simplify: disabled('simplify'),
    derivative: disabled('derivative'),
  },
  { override: true },
);

/** Real-valued functions a fit formula may call. */
export const FORMULA_FUNCTIONS: ReadonlySet<string> = new Set([
  'abs',
  'exp',
  'expm1',
  'log',
  'log10',
  'log2',
  'log1p',
  'sqrt',
  'cbrt',
  'pow',
  'square',
  'cube',
  'nthRoot',
  'sin',
  'cos',
  'tan',
  'sec',
  'csc',
  'cot',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'sign',
  'min',
  'max',
  'floor',
  'ceil',
  'round',
  'fix',
  'mod',
  'hypot',
  'erf',
  'gamma',
  'lgamma',
]);

/** Constants a formula may use (everything else that is not a variable is a parameter). */
export const FORMULA_CONSTANTS: ReadonlySet<string> = new Set([
  'pi',
  'e',
  'tau',
  'phi',
  'Infinity',
]);

const OPERATORS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'unaryMinus',
  'unaryPlus',
  'mod',
  'smaller',
  'larger',
  'smallerEq',
  'largerEq',
  'equal',
  'unequal',
  'and',
  'or',
  'not',
]);

export type FormulaOptions = {
  /** Independent variables, in the order points are given (default ['x']). */
  variables?: readonly string[];
  /** Parameter order; default: detected (b1, b2, … in natural order, else order of appearance). */
  params?: readonly string[];
  /** Build symbolic partial derivatives (default true). */
  symbolicGradient?: boolean;
};

export type CompiledFormula = {
  source: string;
  variables: readonly string[];
  params: readonly string[];
  /** f(params; point). Non-numeric results become NaN. */
  evaluate: (params: ArrayLike<number>, point: ArrayLike<number>) => number;
  /** Which parameters have a compiled symbolic partial derivative. */
  hasDerivative: readonly boolean[];
  /** ∂f/∂params[k] into out; NaN where no symbolic derivative exists. */
  gradient: (params: ArrayLike<number>, point: ArrayLike<number>, out: Float64Array) => void;
};

function describe(node: MathNode): string {
  try {
    return node.toString();
  } catch {
    return node.type;
  }
}

function checkTree(root: MathNode): void {
  root.traverse((node, _path, parent) => {
    switch (node.type) {
      case 'ConstantNode': {
        const v = (node as unknown as { value: unknown }).value;
        if (typeof v !== 'number')
          throw new Error(`formula: only numeric constants are allowed (found ${describe(node)})`);
        return;
      }
      case 'SymbolNode':
      case 'ParenthesisNode':
      case 'ConditionalNode':
        return;
      case 'OperatorNode': {
        const fn = (node as unknown as { fn: string }).fn;
        if (!OPERATORS.has(fn))
          throw new Error(
            `formula: operator '${(node as unknown as { op: string }).op}' is not allowed`,
          );
        return;
      }
      case 'FunctionNode': {
        const fnNode = (node as unknown as { fn: MathNode }).fn;
        const name =
          fnNode.type === 'SymbolNode' ? (fnNode as unknown as { name: string }).name : '';
        if (!name)
          throw new Error(`formula: only named functions can be called (found ${describe(node)})`);
        if (!FORMULA_FUNCTIONS.has(name))
          throw new Error(`formula: function '${name}' is not allowed in fit formulas`);
        return;
      }
      default: {
        const what = parent ? ` in ${describe(parent)}` : '';
        throw new Error(`formula: ${node.type} is not allowed${what} (found ${describe(node)})`);
      }
    }
  });
}

function naturalCompare(a: string, b: string): number {
  const ma = /^(.*?)(\d+)$/.exec(a);
  const mb = /^(.*?)(\d+)$/.exec(b);
  if (ma && mb && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Parse and check a formula; returns the tree and the symbols in order of appearance. */
function parseChecked(source: string): {
  node: MathNode;
  symbols: string[];
  functions: Set<string>;
} {
  if (typeof source !== 'string' || source.trim() === '')
    throw new Error('formula: the formula is empty');
  let node: MathNode;
  try {
    node = trustedParse(source);
  } catch (e) {
    throw new Error(`formula: cannot parse "${source}": ${(e as Error).message}`);
  }
  checkTree(node);
  const symbols: string[] = [];
  const functions = new Set<string>();
  node.traverse((n, path, parent) => {
    if (n.type !== 'SymbolNode') return;
    const name = (n as unknown as { name: string }).name;
    if (parent?.type === 'FunctionNode' && path === 'fn') {
      functions.add(name);
      return;
    }
    if (!symbols.includes(name)) symbols.push(name);
  });
  return { node, symbols, functions };
}

/** Parameter names a formula would get with the given variables (for UIs). */
export function detectParams(source: string, variables: readonly string[] = ['x']): string[] {
  const { symbols } = parseChecked(source);
  const params = symbols.filter((s) => !variables.includes(s) && !FORMULA_CONSTANTS.has(s));
  return params.every((p) => /^[A-Za-z_]+\d+$/.test(p)) ? params.sort(naturalCompare) : params;
}

/** Compile a user formula once; evaluation reuses one scope map. */
export function compileFormula(source: string, options: FormulaOptions = {}): CompiledFormula {
  const variables = [...(options.variables ?? ['x'])];
  if (variables.length === 0) throw new Error('formula: at least one variable is required');
  if (new Set(variables).size !== variables.length)
    throw new Error(`formula: duplicate variable names (${variables.join(', ')})`);
  const { node, symbols, functions } = parseChecked(source);
  for (const v of variables) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) throw new Error(`formula: bad variable name '${v}'`);
    if (!symbols.includes(v))
      throw new Error(
        `formula: variable '${v}' does not appear in "${source}" (name the variables explicitly)`,
      );
  }
  const detected = detectParams(source, variables);
  let params: string[];
  if (options.params) {
    params = [...options.params];
    const missing = detected.filter((p) => !params.includes(p));
    if (missing.length > 0)
      throw new Error(
        `formula: symbols ${missing.join(', ')} are neither parameters nor variables`,
      );
    const unused = params.filter((p) => !detected.includes(p));
    if (unused.length > 0)
      throw new Error(`formula: parameters ${unused.join(', ')} do not appear in "${source}"`);
  } else params = detected;
  if (params.length === 0) throw new Error(`formula: "${source}" has no parameters to fit`);
  for (const p of params) {
    if (FORMULA_FUNCTIONS.has(p) || functions.has(p))
      throw new Error(`formula: '${p}' is a function name; rename the parameter`);
  }

  const compiled: EvalFunction = node.compile();
  const scope = new Map<string, unknown>();
  const np = params.length;
  const nv = variables.length;
  const load = (b: ArrayLike<number>, point: ArrayLike<number>): void => {
    for (let k = 0; k < np; k++) scope.set(params[k]!, b[k]);
    for (let k = 0; k < nv; k++) scope.set(variables[k]!, point[k]);
  };
  const toNumber = (v: unknown): number =>
    typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : NaN;

  const derivs: (EvalFunction | null)[] = params.map((p) => {
    if (options.symbolicGradient === false) return null;
    try {
      return trustedDerivative(node, p, { simplify: false }).compile();
    } catch {
      return null;
    }
  });

  return {
    source,
    variables,
    params,
    hasDerivative: derivs.map((d) => d !== null),
    evaluate(b, point) {
      load(b, point);
      return toNumber(compiled.evaluate(scope));
    },
    gradient(b, point, out) {
      load(b, point);
      for (let k = 0; k < np; k++) {
        const d = derivs[k];
        out[k] = d ? toNumber(d.evaluate(scope)) : NaN;
      }
    },
  };
}

/** Symbols of a formula that are not called as functions, in order of appearance. */
export function formulaSymbols(source: string): string[] {
  return parseChecked(source).symbols;
}

/** The checked expression tree of a formula (for translators, e.g. the .ipynb exporter's Python). */
export function formulaTree(source: string): MathNode {
  return parseChecked(source).node;
}
