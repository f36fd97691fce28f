// `quire serve`: browser mode — the services and the built renderer on 127.0.0.1 with a per-run token.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { createServices } from '../../services';
import { resolveLibraryDir } from '../paths';
import { startServer } from '../server';
import { APP_VERSION } from '../version';
import { action, type GlobalOptions, type Io } from './context';

const RENDERER_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'out',
  'renderer',
);

export function serveCommand(io: Io): Command {
  return new Command('serve')
    .description(
      'run Quire in the browser (binds 127.0.0.1 only; prints the URL with its access token)',
    )
    .option('--port <n>', 'port (0 picks a free one)', (v) => Number.parseInt(v, 10), 0)
    .action(
      action(io, async function (this: Command, o: { port: number }) {
        const opts = this.optsWithGlobals<GlobalOptions>();
        const libraryDir = resolveLibraryDir(opts.library);
        const services = await createServices({
          libraryDir,
          mode: 'browser',
          appVersion: APP_VERSION,
        });
        if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
          io.err(
            'quire: the renderer is not built; run `npm run build` (or use `npm run serve`).\n',
          );
        }
        const server = await startServer({
          dispatch: services.dispatch,
          staticDir: RENDERER_DIR,
          port: o.port,
        });
        io.out(`Quire is running at ${server.url}?token=${server.token}\n`);
        io.out(`Library: ${libraryDir}\n`);
        const stop = async () => {
          await server.close();
          await services.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
        await new Promise(() => {});
      }),
    );
}
