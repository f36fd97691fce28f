// Fit reference data: the shape of the NIST StRD nonlinear regression files (../shared/reference/
// nist, certified values computed in 128-bit precision) and their x as columns, for the NIST
// reference test and the NIST benchmark.

export type NistFile = {
  name: string;
  model: string;
  params: string[];
  start1: number[];
  start2: number[];
  certified: { values: number[]; std_errors: number[]; residual_sum_of_squares: number };
  x: number[] | number[][] | Record<string, number[]>;
  y: number[];
  /** Nelson-like datasets are fitted to log(y), given here. */
  log_y?: number[];
  variables?: string[];
};

/** x as columns: a single array, columns, rows of [x1, x2] pairs, or a record keyed by name. */
export function xColumns(x: NistFile['x'], variables: string[], n: number): number[][] {
  if (!Array.isArray(x)) return variables.map((v) => x[v] ?? []);
  if (x.length > 0 && !Array.isArray(x[0])) return [x as number[]];
  const rows = x as number[][];
  if (rows.length === n && rows[0]?.length === variables.length && variables.length !== n)
    return variables.map((_, k) => rows.map((r) => r[k]!));
  return rows;
}
