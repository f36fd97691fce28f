// Python source for the .ipynb exporter: literals (numbers that read back bit-for-bit, strings,
// lists), identifiers that cannot clash with Python keywords, and fit formulas translated from
// their mathjs tree (shared/fit/formula) to NumPy/SciPy expressions with Python's precedence.
import type { MathNode } from 'mathjs';
import { formulaTree, FORMULA_CONSTANTS } from '../../fit/index';

/** A float literal Python reads back to the same double (JS prints the shortest round-trip form). */
export function pyNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return 'np.nan';
  if (!Number.isFinite(v)) return v > 0 ? 'np.inf' : '-np.inf';
  return String(v);
}

/** A Python string literal (JSON's escapes are all valid Python escapes). */
export function pyString(s: string): string {
  return JSON.stringify(s);
}

/** Text for a `#` comment: on one line, so a name with a line break cannot turn into code. */
export function pyComment(s: string): string {
  return s.replace(/[\r\n\u2028\u2029\v\f]+/g, ' ');
}

/** A Python list literal, wrapped every `perLine` items so long data stays readable. */
export function pyList(items: readonly string[], perLine = 8, indent = '    '): string {
  if (items.length <= perLine) return `[${items.join(', ')}]`;
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine)
    lines.push(indent + items.slice(i, i + perLine).join(', ') + ',');
  return `[\n${lines.join('\n')}\n${indent.slice(4)}]`;
}

const KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try while ' +
    'with yield np pd nx sp curve_fit model print'
  ).split(' '),
);

/** A Python identifier for `name` (a keyword or a name our code uses gets a trailing `_`). */
export function pyIdent(name: string): string {
  let s = name.replace(/[^\p{L}\p{N}_]/gu, '_');
  if (!/^[\p{L}_]/u.test(s)) s = `_${s}`;
  return KEYWORDS.has(s) ? `${s}_` : s;
}

/** NumPy / SciPy spellings of the functions a fit formula may call (FORMULA_FUNCTIONS). */
const FUNCTIONS: Record<string, (a: string[]) => string> = {
  abs: (a) => `np.abs(${a.join(', ')})`,
  exp: (a) => `np.exp(${a[0]})`,
  expm1: (a) => `np.expm1(${a[0]})`,
  log: (a) => (a.length > 1 ? `(np.log(${a[0]}) / np.log(${a[1]}))` : `np.log(${a[0]})`),
  log10: (a) => `np.log10(${a[0]})`,
  log2: (a) => `np.log2(${a[0]})`,
  log1p: (a) => `np.log1p(${a[0]})`,
  sqrt: (a) => `np.sqrt(${a[0]})`,
  cbrt: (a) => `np.cbrt(${a[0]})`,
  pow: (a) => `np.power(${a[0]}, ${a[1]})`,
  square: (a) => `np.square(${a[0]})`,
  cube: (a) => `np.power(${a[0]}, 3)`,
  nthRoot: (a) => `np.power(${a[0]}, 1 / (${a[1] ?? '2'}))`,
  sin: (a) => `np.sin(${a[0]})`,
  cos: (a) => `np.cos(${a[0]})`,
  tan: (a) => `np.tan(${a[0]})`,
  sec: (a) => `(1 / np.cos(${a[0]}))`,
  csc: (a) => `(1 / np.sin(${a[0]}))`,
  cot: (a) => `(1 / np.tan(${a[0]}))`,
  asin: (a) => `np.arcsin(${a[0]})`,
  acos: (a) => `np.arccos(${a[0]})`,
  atan: (a) => `np.arctan(${a[0]})`,
  atan2: (a) => `np.arctan2(${a[0]}, ${a[1]})`,
  sinh: (a) => `np.sinh(${a[0]})`,
  cosh: (a) => `np.cosh(${a[0]})`,
  tanh: (a) => `np.tanh(${a[0]})`,
  asinh: (a) => `np.arcsinh(${a[0]})`,
  acosh: (a) => `np.arccosh(${a[0]})`,
  atanh: (a) => `np.arctanh(${a[0]})`,
  sign: (a) => `np.sign(${a[0]})`,
  min: (a) => a.slice(1).reduce((acc, b) => `np.minimum(${acc}, ${b})`, a[0] ?? ''),
  max: (a) => a.slice(1).reduce((acc, b) => `np.maximum(${acc}, ${b})`, a[0] ?? ''),
  floor: (a) => `np.floor(${a[0]})`,
  ceil: (a) => `np.ceil(${a[0]})`,
  round: (a) => `np.round(${a.join(', ')})`,
  fix: (a) => `np.trunc(${a[0]})`,
  mod: (a) => `np.mod(${a[0]}, ${a[1]})`,
  hypot: (a) => a.slice(1).reduce((acc, b) => `np.hypot(${acc}, ${b})`, a[0] ?? ''),
  erf: (a) => `sp.erf(${a[0]})`,
  gamma: (a) => `sp.gamma(${a[0]})`,
  lgamma: (a) => `sp.gammaln(${a[0]})`,
};

const CONSTANTS: Record<string, string> = {
  pi: 'np.pi',
  e: 'np.e',
  tau: '(2 * np.pi)',
  phi: '((1 + np.sqrt(5)) / 2)',
  Infinity: 'np.inf',
};

/** Python binding strength (higher binds tighter); atoms are 10. */
const BINARY: Record<string, { op: string; prec: number }> = {
  or: { op: '|', prec: 1 },
  and: { op: '&', prec: 2 },
  smaller: { op: '<', prec: 4 },
  larger: { op: '>', prec: 4 },
  smallerEq: { op: '<=', prec: 4 },
  largerEq: { op: '>=', prec: 4 },
  equal: { op: '==', prec: 4 },
  unequal: { op: '!=', prec: 4 },
  add: { op: '+', prec: 5 },
  subtract: { op: '-', prec: 5 },
  multiply: { op: '*', prec: 6 },
  divide: { op: '/', prec: 6 },
  mod: { op: '%', prec: 6 },
  pow: { op: '**', prec: 8 },
};
const UNARY_PREC = 7;

type Node = MathNode & {
  fn?: string | MathNode;
  args?: MathNode[];
  name?: string;
  value?: unknown;
  content?: MathNode;
  condition?: MathNode;
  trueExpr?: MathNode;
  falseExpr?: MathNode;
};

type Emitted = { code: string; prec: number };

function emit(node: Node, names: (symbol: string) => string): Emitted {
  const sub = (n: MathNode) => emit(n as Node, names);
  const wrap = (e: Emitted, min: number) => (e.prec < min ? `(${e.code})` : e.code);
  switch (node.type) {
    case 'ConstantNode':
      return { code: pyNumber(node.value as number), prec: (node.value as number) < 0 ? 7 : 10 };
    case 'SymbolNode': {
      const name = node.name ?? '';
      if (FORMULA_CONSTANTS.has(name) && CONSTANTS[name])
        return { code: CONSTANTS[name], prec: 10 };
      return { code: names(name), prec: 10 };
    }
    case 'ParenthesisNode':
      return { code: `(${sub(node.content!).code})`, prec: 10 };
    case 'ConditionalNode':
      return {
        code: `np.where(${sub(node.condition!).code}, ${sub(node.trueExpr!).code}, ${sub(node.falseExpr!).code})`,
        prec: 10,
      };
    case 'FunctionNode': {
      const fname = (node.fn as Node).name ?? '';
      const f = FUNCTIONS[fname];
      if (!f) throw new Error(`ipynb export: no Python for the function '${fname}'`);
      return { code: f((node.args ?? []).map((a) => sub(a).code)), prec: 10 };
    }
    case 'OperatorNode': {
      const fn = node.fn as string;
      const args = node.args ?? [];
      if (fn === 'unaryMinus' || fn === 'unaryPlus')
        return {
          code: `${fn === 'unaryMinus' ? '-' : '+'}${wrap(sub(args[0]!), UNARY_PREC)}`,
          prec: UNARY_PREC,
        };
      if (fn === 'not') return { code: `~${wrap(sub(args[0]!), 10)}`, prec: UNARY_PREC };
      const b = BINARY[fn];
      if (!b || args.length !== 2)
        throw new Error(`ipynb export: no Python for the operator '${fn}'`);
      const left = sub(args[0]!);
      const right = sub(args[1]!);
      // `**` groups to the right; the others to the left (so a right operand of equal strength
      // needs parentheses: a - (b - c)). Comparisons chain in Python, so they never share a level.
      const pow = fn === 'pow';
      const cmp = b.prec === 4;
      const l = wrap(left, pow || cmp ? b.prec + 1 : b.prec);
      const r = wrap(right, pow ? UNARY_PREC : b.prec + 1);
      return { code: `${l} ${b.op} ${r}`, prec: b.prec };
    }
    default:
      throw new Error(`ipynb export: no Python for ${node.type}`);
  }
}

/** A fit formula as a Python expression; `names` maps each parameter/variable to its identifier. */
export function formulaToPython(source: string, names: (symbol: string) => string): string {
  return emit(formulaTree(source) as Node, names).code;
}
