// The part of s3rver (an S3-compatible server for tests, no types of its own) that the tests use.
declare module 's3rver' {
  import type { Server } from 'node:http';
  type BucketConfig = { name: string; configs: string[] };
  type Options = {
    port?: number;
    address?: string;
    silent?: boolean;
    directory: string;
    configureBuckets?: BucketConfig[];
  };
  export default class S3rver {
    constructor(options: Options);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    /** The Node HTTP server, once running. */
    httpServer?: Server;
  }
}
