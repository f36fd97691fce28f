// `quire serve`: browser mode — the services and the built renderer on 127.0.0.1 with a per-run token.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { resolveLibraryDir } from '../paths';
import { APP_VERSION } from '../version';
import { action, type GlobalOptions, type Io } from './context';

/** The built renderer: out/renderer beside this bundle (out/cli), or from the sources' folder. */
function rendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, '..', 'renderer'),
    join(here, '..', '..', '..', 'out', 'renderer'),
  ];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? candidates[1]!;
}

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
        // Loaded here, not at start-up, so other commands never pay for the services and server.
        const [{ createServices }, { startServer }] = await Promise.all([
          import('../../services'),
          import('../server'),
        ]);
        const services = await createServices({
          libraryDir,
          mode: 'browser',
          warmSearch: true,
          appVersion: APP_VERSION,
        });
        const staticDir = rendererDir();
        if (!existsSync(join(staticDir, 'index.html'))) {
          io.err(
            'quire: the renderer is not built; run `npm run build` (or use `npm run serve`).\n',
          );
        }
        const server = await startServer({
          dispatch: services.dispatch,
          staticDir,
          port: o.port,
        });
        io.out(`Quire is running at ${server.url}?token=${server.token}\n`);
        io.out(`Library: ${libraryDir}\n`);
        let stopping = false;
        const stop = async () => {
          // Ctrl+C reaches both this process and the one that started it (bin/quire.mjs), which
          // passes it on: the second signal must not cut the close short.
          if (stopping) return;
          stopping = true;
          await server.close();
          await services.close();
          process.exit(0);
        };
        process.on('SIGINT', () => void stop());
        process.on('SIGTERM', () => void stop());
        // Started by bin/quire.mjs with the allocator settings: stop when it is gone.
        if (process.connected) process.once('disconnect', () => void stop());
        await new Promise(() => {});
      }),
    );
}
