// A library's description (format and schema version) on an object store, where there is no folder
// to hold quire-library.json: one row of JSON in a LanceDB table next to the papers.
import type { Connection } from '@lancedb/lancedb';
import { QuireError } from '@shared/api/errors';
import { openTableIfExists, replaceRows } from './location';
import type { LibraryMeta, MetaIo } from './migrations';

export const META_TABLE = 'quire_library';

export function tableMeta(db: Connection, where: string): MetaIo {
  return {
    async read() {
      const table = await openTableIfExists(db, META_TABLE);
      if (!table) return null;
      try {
        const [row] = await table.query().limit(1).toArray();
        const meta = JSON.parse(String(row?.meta)) as LibraryMeta;
        if (meta.format !== 'quire-library' || !Number.isInteger(meta.schemaVersion))
          throw new Error('not a description');
        return meta;
      } catch {
        throw new QuireError('invalid_file', `${where} holds no valid Quire library description.`);
      } finally {
        table.close();
      }
    },
    write: (meta) => replaceRows(db, META_TABLE, [{ meta: JSON.stringify(meta) }]),
  };
}
