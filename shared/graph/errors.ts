// The graph engine's error: a QuireError with the code `invalid_input` (the graph or a parameter
// cannot be computed), so hosts pass it on by its code instead of classifying messages by prefix.
import { QuireError } from '../api/errors';

/** An input the graph engine refuses; its message starts with "graph:" for the reader. */
export class GraphError extends QuireError {
  constructor(message: string) {
    super('invalid_input', message.startsWith('graph:') ? message : `graph: ${message}`);
    this.name = 'GraphError';
  }
}

/** Throws a GraphError ("graph: " + msg): every engine module's input check. */
export function graphFail(msg: string): never {
  throw new GraphError(msg);
}
