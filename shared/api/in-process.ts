// In-process transport: the CLI and tests call the dispatcher directly, same envelopes as IPC/HTTP.
import type { Transport } from './client';
import type { Dispatch } from './dispatcher';

export function inProcessTransport(dispatch: Dispatch): Transport {
  return {
    call: (method, input, opts) =>
      // A structured clone mimics the process boundary, so tests catch non-serialisable results.
      dispatch(method, structuredClone(input), opts).then((env) => structuredClone(env)),
  };
}
