import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryLocation, s3StorageOptions } from './location';

describe('libraryLocation', () => {
  it('keeps a folder a folder, with its tables inside', () => {
    const where = libraryLocation('/data/lib');
    expect(where).toEqual({
      name: '/data/lib',
      remote: false,
      lanceUri: join('/data/lib', 'lancedb'),
      localDir: '/data/lib',
    });
  });

  it('puts the tables of s3://bucket/prefix on the store and its personal files on this machine', () => {
    const env = { QUIRE_REMOTE_CACHE: '/cache', AWS_REGION: 'eu-west-1' };
    const where = libraryLocation('s3://lab-papers/group/lib/', { env });
    expect(where.name).toBe('s3://lab-papers/group/lib');
    expect(where.remote).toBe(true);
    expect(where.lanceUri).toBe('s3://lab-papers/group/lib/lancedb');
    expect(where.storageOptions).toEqual({ region: 'eu-west-1' });
    expect(where.localDir).toMatch(/^\/cache\/lab-papers-group_lib-[0-9a-f]{10}$/);
    // Another prefix of the same bucket is another library, with its own files here.
    expect(libraryLocation('s3://lab-papers/group/other', { env }).localDir).not.toBe(
      where.localDir,
    );
    expect(libraryLocation('s3://lab-papers', { env, localDir: '/mine' }).localDir).toBe('/mine');
  });

  it('names what is wrong with a URI it cannot open', () => {
    expect(() => libraryLocation('s3://Bad_Bucket/x')).toThrow(
      '"s3://Bad_Bucket/x" is not a library Quire can open: give a folder or s3://bucket/prefix.',
    );
    expect(() => libraryLocation('gs://bucket/x')).toThrow('is not a library Quire can open');
  });
});

describe('s3StorageOptions', () => {
  it('reads the AWS variables; a custom http endpoint gets path-style requests over plain HTTP', () => {
    expect(
      s3StorageOptions({
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9000',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'id',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_SESSION_TOKEN: 'session',
      }),
    ).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      virtual_hosted_style_request: 'false',
      allow_http: 'true',
      region: 'us-east-1',
      aws_access_key_id: 'id',
      aws_secret_access_key: 'secret',
      aws_session_token: 'session',
    });
    // Nothing set: LanceDB looks for credentials itself (instance role, ~/.aws).
    expect(s3StorageOptions({})).toEqual({});
    expect(s3StorageOptions({ AWS_ENDPOINT_URL: 'https://s3.example.org' }).allow_http).toBe(
      undefined,
    );
  });
});
