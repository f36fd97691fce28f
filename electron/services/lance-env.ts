// Settings LanceDB reads from the environment when it loads, so this module is imported before any
// module that imports LanceDB (first in services/index.ts).
// - Its full-text index build deadlocks on 2 cores past ~6k rows with its default pool (environment.md).
// - It logs its object-store retries as warnings on stderr, several lines per failed request; the
//   failure itself reaches the user as one message (library/lance-errors.ts).
process.env.LANCE_CPU_THREADS ??= '4';
process.env.LANCEDB_LOG ??= 'error';
