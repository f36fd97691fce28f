// Opens a library's papers and stored vectors directly (no services), so the benchmarks can call the
// taggers with their own options on the same vectors the app uses.
import { join, resolve } from 'node:path';
import { DEFAULT_MODEL } from '../../electron/services';
import { EmbeddingService } from '../../electron/services/embedding/embedding-service';
import { PaperStore } from '../../electron/services/library/store';
import { ModelStore } from '../../electron/services/models/model-store';
import { SettingsStore } from '../../electron/services/settings/settings-store';
import { vectorSourceOf, type VectorSource } from '../../electron/services/tagging/vectors';

export async function openVectors(
  dir: string,
): Promise<{ store: PaperStore; embeddings: EmbeddingService; source: VectorSource }> {
  const store = await PaperStore.open(dir);
  const settings = await SettingsStore.open(dir);
  const models = new ModelStore({
    bundledRoot: resolve(import.meta.dirname, '..', '..', 'resources', 'models'),
    downloadRoot: join(dir, 'models'),
    hubUrl: 'http://127.0.0.1:9',
  });
  const embeddings = new EmbeddingService({
    library: dir,
    papers: store,
    models: { locate: async (id) => models.locate(id) },
    settings,
    defaultModel: DEFAULT_MODEL,
    // Read-only here (the bench's library is its own): no other process writes it.
    withWriteLock: (_operation, _ctx, fn) => fn(),
  });
  return { store, embeddings, source: vectorSourceOf(embeddings) };
}
