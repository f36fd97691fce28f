// The contract suite through the in-process transport (what the CLI uses).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../../shared/api/client';
import { inProcessTransport } from '../../shared/api/in-process';
import { createServices } from '../../electron/services';
import { EXPORT_CHUNK_FOR_TESTS, describeContract } from './contract-suite';

describeContract('in-process', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'quire-contract-'));
  const services = await createServices({
    libraryDir: dir,
    mode: 'cli',
    exportChunk: EXPORT_CHUNK_FOR_TESTS,
  });
  return {
    api: createClient(inProcessTransport(services.dispatch)),
    close: async () => {
      await services.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
