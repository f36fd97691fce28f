// Caller side of every transport: a typed `call` that unwraps envelopes into values or QuireErrors.
import type { CallOptions, InputOf, MethodName, OutputOf } from './contract';
import { QuireError, type Envelope } from './errors';

/** What a transport must do: carry one call and its progress, honour the abort signal. */
export type Transport = {
  call(method: MethodName, input: unknown, opts: CallOptions): Promise<Envelope<unknown>>;
};

export type Api = {
  call<M extends MethodName>(
    method: M,
    input: InputOf<M>,
    opts?: CallOptions,
  ): Promise<OutputOf<M>>;
};

export function createClient(transport: Transport): Api {
  return {
    async call(method, input, opts = {}) {
      if (opts.signal?.aborted) throw new QuireError('cancelled', 'Cancelled.');
      const env = await transport.call(method, input, opts);
      if (!env.ok) throw new QuireError(env.error.code, env.error.message, env.error.details);
      return env.value as never;
    },
  };
}
