// The Library's notice that some papers have no vectors yet (an import was killed or cancelled, here
// or in another process): it resumes the embedding job on open, with progress and cancel.
import { useApi } from '../../apiContext';
import { EmbeddingsLine } from './EmbeddingsLine';
import { useEmbeddings } from './useEmbeddings';

export function EmbeddingsBanner({ version }: { version: number }) {
  const api = useApi();
  const e = useEmbeddings(api, true, version, undefined, { autoResume: true });
  return (
    <div className="embeddings-banner">
      <EmbeddingsLine e={e} variant="library" />
    </div>
  );
}
