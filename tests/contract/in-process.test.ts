// The contract suite through the in-process transport (what the CLI uses).
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { contractServices } from './contract-services';
import { describeContract } from './contract-suite';

describeContract('in-process', async () => {
  const { services, close } = await contractServices('cli');
  return { api: createClient(inProcessTransport(services.dispatch)), close };
});
