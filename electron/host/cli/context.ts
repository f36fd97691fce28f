// What every CLI command shares: the global options, an API client over in-process services, output.
import type { Command } from 'commander';
import { createClient, type Api } from '@shared/api/client';
import { errorMessage, QuireError } from '@shared/api/errors';
import { inProcessTransport } from '@shared/api/in-process';
import type { Services } from '../../services';
import { resolveLibraryDir } from '../paths';
import { APP_VERSION } from '../version';

export type GlobalOptions = { library?: string; json?: boolean };

export type Io = { out: (s: string) => void; err: (s: string) => void; isTTY: boolean };

export const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

/** Opens the library named by the global options, runs `fn` with a client, closes it. */
export async function withApi<T>(
  cmd: Command,
  mode: 'cli' | 'browser',
  fn: (api: Api, services: Services, opts: GlobalOptions) => Promise<T>,
): Promise<T> {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  // Loaded on first use: the services pull in LanceDB, Arrow and the contract's schemas, which
  // `quire --help` and the commands that only read a file (fit, graph --edges) never need.
  const { createServices } = await import('../../services');
  const services = await createServices({
    libraryDir: resolveLibraryDir(opts.library),
    mode,
    appVersion: APP_VERSION,
  });
  try {
    return await fn(createClient(inProcessTransport(services.dispatch)), services, opts);
  } finally {
    await services.close();
  }
}

/** Runs a command action; any error becomes one line on stderr and exit code 1. */
export function action<A extends unknown[]>(
  io: Io,
  fn: (this: Command, ...args: A) => Promise<void>,
): (this: Command, ...args: A) => Promise<void> {
  return async function (this: Command, ...args: A) {
    try {
      await fn.apply(this, args);
    } catch (err) {
      const message = errorMessage(err);
      io.err(`quire: ${message.split('\n')[0]}\n`);
      process.exitCode = err instanceof QuireError && err.code === 'cancelled' ? 130 : 1;
    }
  };
}
