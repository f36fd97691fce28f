// Service side of every transport: validate the input, run the handler, answer with an envelope.
import { isMethodName, contract, type CallContext, type Handlers } from './contract';
import { QuireError, toErrorInfo, type Envelope } from './errors';

export type Dispatch = (
  method: string,
  input: unknown,
  ctx: Partial<CallContext>,
) => Promise<Envelope<unknown>>;

/** Formats zod issues as one readable line, e.g. `limit: Too big: expected number to be <=1000`. */
function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function createDispatcher(handlers: Handlers): Dispatch {
  return async (method, input, ctx) => {
    try {
      if (!isMethodName(method)) throw new QuireError('not_found', `Unknown method "${method}".`);
      const parsed = contract[method].input.safeParse(input ?? {});
      if (!parsed.success) {
        throw new QuireError(
          'invalid_input',
          `${method}: ${describeIssues(parsed.error.issues)}`,
          parsed.error.issues,
        );
      }
      const full: CallContext = {
        signal: ctx.signal ?? new AbortController().signal,
        onProgress: ctx.onProgress ?? (() => {}),
        caller: ctx.caller ?? 'remote',
      };
      const handler = handlers[method] as (i: unknown, c: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, full);
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: toErrorInfo(err) };
    }
  };
}
