// In-process transport: the CLI and tests call the dispatcher directly, same envelopes as IPC/HTTP.
import type { Transport } from './client';
import type { Dispatch } from './dispatcher';

export function inProcessTransport(dispatch: Dispatch): Transport {
  return {
    call: (method, input, opts) =>
      // A structured clone mimics the process boundary, so tests catch non-serialisable results.
      // In-process calls come from this process (CLI, tests), so they may import files by path.
      dispatch(method, structuredClone(input), { ...opts, caller: 'local' }).then((env) =>
        structuredClone(env),
      ),
  };
}
