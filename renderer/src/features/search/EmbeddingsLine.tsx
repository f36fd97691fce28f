// One line on how much of the library semantic search covers, with a button to embed the rest
// (progress and cancel). Discreet in Search and the Library (shown only while papers are missing or
// being embedded), fuller in Settings.
import type { EmbeddingStatus } from '@shared/api/schemas';
import { onlyReindexes, progressPercent, type Embeddings } from './useEmbeddings';

type Props = { e: Embeddings; variant: 'search' | 'library' | 'settings' };

export function EmbeddingsLine({ e, variant }: Props) {
  const { status, error, job, embedding, note } = e;
  const discreet = variant !== 'settings';
  if (error) {
    if (discreet) return null;
    return (
      <p className="embeddings-line" data-testid="embeddings-status">
        Semantic search is unavailable: {error}
      </p>
    );
  }
  if (!status) {
    return variant === 'settings' ? (
      <p className="embeddings-line muted" data-testid="embeddings-status">
        Checking the search index…
      </p>
    ) : null;
  }
  const complete = status.missing === 0;
  const reindexing = onlyReindexes(status);
  if (complete && !job && discreet && !reindexing) {
    return note ? <p className="embeddings-line muted small">{note}</p> : null;
  }
  const percent = progressPercent(job?.progress ?? null);
  // Someone else's job (an import, another window or process) will fill the gap: no second one.
  const othersAtWork = !job && status.busy !== null;
  return (
    <div className={`embeddings-line ${variant}`} data-testid="embeddings-status">
      <span>
        {summary(status, variant, { job: job !== null, embedding, reindexing, othersAtWork })}
        {status.searchModel !== status.model && ` Search uses ${status.searchModel} until then.`}
      </span>
      {job ? (
        <>
          <span
            className={`progress embeddings-progress ${percent === null ? 'indeterminate' : ''}`}
            role="progressbar"
            aria-label="Embedding progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
          >
            <span className="progress-fill" style={{ width: `${percent ?? 30}%` }} />
          </span>
          {job.progress?.message && (
            <span className="muted" data-testid="embeddings-message">
              {job.progress.message}
            </span>
          )}
          {job.progress?.total ? (
            <span className="embeddings-count">
              {job.progress.done.toLocaleString()} / {job.progress.total.toLocaleString()}
            </span>
          ) : null}
          <button
            type="button"
            className="button small"
            data-testid="embeddings-cancel"
            onClick={e.cancel}
          >
            Cancel
          </button>
        </>
      ) : (
        (!complete || reindexing) &&
        !othersAtWork && (
          <button
            type="button"
            className="button small"
            data-testid="embeddings-run"
            onClick={e.run}
          >
            {reindexing ? 'Rebuild the index' : 'Embed missing papers'}
          </button>
        )
      )}
      {note && <span className="muted">{note}</span>}
    </div>
  );
}

/** What the line says: the index rebuilt after an upgrade, all embedded, or how many papers lack vectors. */
function summary(
  status: EmbeddingStatus,
  variant: Props['variant'],
  now: { job: boolean; embedding: boolean; reindexing: boolean; othersAtWork: boolean },
): string {
  const total = status.total.toLocaleString();
  if (now.reindexing)
    return now.job
      ? `Rebuilding the search index of ${total} papers, once after an upgrade; semantic search is slower until it is done…`
      : `The search index of ${total} papers was built by an earlier version; semantic search is slower until it is rebuilt.`;
  if (status.missing === 0 && !now.job)
    return status.total === 0
      ? `No papers yet; they are embedded with ${status.model} as they are imported.`
      : `All ${total} ${status.total === 1 ? 'paper is' : 'papers are'} embedded with ${status.model}.`;
  const doing =
    now.othersAtWork && status.busy === 'importing'
      ? ' — the import embeds them.'
      : now.embedding
        ? ' — embedding…'
        : '.';
  return variant === 'library'
    ? `${status.missing.toLocaleString()} of ${total} papers have no vectors yet; search finds them by keywords only${doing}`
    : `Semantic search covers ${status.embedded.toLocaleString()} of ${total} papers${doing}`;
}
