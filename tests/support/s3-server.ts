// A local S3-compatible server (s3rver) on 127.0.0.1 for the object-storage tests, with one bucket
// kept in a temp folder, and the AWS_* variables that point Quire at it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export type S3Server = {
  /** The folder s3rver keeps the bucket's objects in (`<dir>/<bucket>/…`). */
  dir: string;
  /** AWS_ENDPOINT_URL, region and credentials for this server. */
  env: Record<string, string>;
  close(): Promise<void>;
};

export async function startS3Server(bucket: string, secret: string): Promise<S3Server> {
  const dir = await mkdtemp(join(tmpdir(), 'quire-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  return {
    dir,
    env: {
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: secret,
    },
    close: async () => {
      // Quire's services are closed by now, but LanceDB's object-store client may still hold a
      // connection the server counts as busy: one CI run waited 60 s here. None is needed any more.
      server.httpServer?.closeAllConnections();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
