// Declares one contract method: its zod input schema, its result type (phantom), and whether it is a long job.
import type { z } from 'zod';

export type Method<I extends z.ZodType, O> = { input: I; job: boolean; _output?: O };

/** `method<Output>()(inputSchema, { job })`: the curried form lets TypeScript infer the input type. */
export function method<O>() {
  return <I extends z.ZodType>(input: I, opts: { job?: boolean } = {}): Method<I, O> => ({
    input,
    job: opts.job ?? false,
  });
}
