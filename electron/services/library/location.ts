// Where a library lives: a folder on this machine, or `s3://bucket/prefix` on an object store that
// several machines read. On an object store the LanceDB tables (papers, each model's vectors, the
// library description and the writer's lease) are shared; the files that belong to one person —
// settings, downloaded models, highlights, notebooks, maps and tag suggestions — stay in a folder on
// this machine. Endpoint, region and credentials come from the environment, never from the library.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import type { Schema } from 'apache-arrow';
import { QuireError } from '@shared/api/errors';
import { isRemoteLibrary } from '@shared/library-uri';
import { lanceSession } from './lance-session';
import { tableStamp } from './table-stamp';

/** Seconds between two looks at a remote table's newest version when nothing else asks for one. */
const REMOTE_STAMP_MS = 2_000;

export type LibraryLocation = {
  /** What the user named: a folder or `s3://bucket/prefix`, as shown in messages and Settings. */
  name: string;
  remote: boolean;
  /** What `lancedb.connect` is given. */
  lanceUri: string;
  storageOptions?: Record<string, string>;
  /** This machine's folder for the library's personal files (the whole library when local). */
  localDir: string;
};

const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/;

/** A library folder on this machine. */
export function localLocation(dir: string): LibraryLocation {
  const full = resolve(dir);
  return { name: full, remote: false, lanceUri: join(full, 'lancedb'), localDir: full };
}

/**
 * LanceDB's S3 options from the variables the AWS tools read: AWS_ENDPOINT_URL (an S3-compatible
 * server: path-style requests, plain HTTP allowed when it says http://), AWS_REGION or
 * AWS_DEFAULT_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN. Unset ones are
 * left to LanceDB's own lookup (instance roles, ~/.aws).
 */
export function s3StorageOptions(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL;
  if (endpoint) {
    out.endpoint = endpoint;
    out.virtual_hosted_style_request = 'false';
    if (endpoint.startsWith('http://')) out.allow_http = 'true';
  }
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (region) out.region = region;
  if (env.AWS_ACCESS_KEY_ID) out.aws_access_key_id = env.AWS_ACCESS_KEY_ID;
  if (env.AWS_SECRET_ACCESS_KEY) out.aws_secret_access_key = env.AWS_SECRET_ACCESS_KEY;
  if (env.AWS_SESSION_TOKEN) out.aws_session_token = env.AWS_SESSION_TOKEN;
  return out;
}

/** Where this machine keeps its own files for remote libraries: $QUIRE_REMOTE_CACHE or ~/.cache/quire/remote. */
export function remoteFilesRoot(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.QUIRE_REMOTE_CACHE ||
    join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'quire', 'remote')
  );
}

/**
 * The location a library name stands for. `localDir` overrides where a remote library's personal
 * files go (tests give each simulated machine its own).
 */
export function libraryLocation(
  name: string,
  opts: { env?: NodeJS.ProcessEnv; localDir?: string } = {},
): LibraryLocation {
  if (!isRemoteLibrary(name)) return localLocation(name);
  const env = opts.env ?? process.env;
  const m = S3_URI.exec(name.replace(/\/+$/, ''));
  if (!m) {
    throw new QuireError(
      'invalid_input',
      `"${name}" is not a library Quire can open: give a folder or s3://bucket/prefix.`,
    );
  }
  const [, bucket, prefix = ''] = m;
  const uri = prefix ? `s3://${bucket}/${prefix}` : `s3://${bucket}`;
  const slug = `${bucket}-${prefix.replace(/[^A-Za-z0-9._-]+/g, '_')}`.slice(0, 80);
  const digest = createHash('sha256').update(uri).digest('hex').slice(0, 10);
  return {
    name: uri,
    remote: true,
    lanceUri: `${uri}/lancedb`,
    storageOptions: s3StorageOptions(env),
    localDir: opts.localDir ?? join(remoteFilesRoot(env), `${slug}-${digest}`),
  };
}

export function connectLance(where: LibraryLocation): Promise<lancedb.Connection> {
  const session = lanceSession();
  return where.storageOptions
    ? lancedb.connect(where.lanceUri, { storageOptions: where.storageOptions, session })
    : lancedb.connect(where.lanceUri, { session });
}

/**
 * The table, or null when there is none. Asked by opening it rather than through tableNames(), which
 * lists folders: on an S3-compatible server such as s3rver that listing comes back empty.
 */
export async function openTableIfExists(
  db: lancedb.Connection,
  name: string,
): Promise<lancedb.Table | null> {
  try {
    return await db.openTable(name);
  } catch (err) {
    if (/was not found/i.test(String((err as Error).message))) return null;
    throw err;
  }
}

/**
 * Makes `rows` the whole content of a small table, in one commit: an overwrite when the table exists
 * (creating it with overwrite mode makes LanceDB warn on stderr), else its creation.
 */
export async function replaceRows(
  db: lancedb.Connection,
  name: string,
  rows: Record<string, unknown>[],
  schema?: Schema,
): Promise<void> {
  const table = await openTableIfExists(db, name);
  if (!table) {
    (await db.createTable(name, rows, schema ? { schema } : {})).close();
    return;
  }
  try {
    await table.add(rows, { mode: 'overwrite' });
  } finally {
    table.close();
  }
}

/**
 * "Has this table changed?" without asking LanceDB: on disk, the table's commit stamp
 * (table-stamp.ts); on an object store, where every look is a request, a stamp that moves every
 * two seconds, so readers catch up with other machines' commits at most that often.
 */
export function tableStamper(where: LibraryLocation, table: string): () => string {
  if (where.remote) return () => `t${Math.floor(Date.now() / REMOTE_STAMP_MS)}`;
  const dir = join(where.lanceUri, `${table}.lance`);
  return () => tableStamp(dir);
}
