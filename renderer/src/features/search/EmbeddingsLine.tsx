// One line on how much of the library semantic search covers, with a button to embed the rest
// (progress and cancel). Discreet in Search and the Library (shown only while papers are missing or
// being embedded), fuller in Settings.
import { progressPercent, type Embeddings } from './useEmbeddings';

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
  // Every paper has its vector, but the index is re-trained once after an upgrade.
  const reindexing = complete && status.indexOutdated === true;
  if (complete && !job && discreet && !reindexing) {
    return note ? <p className="embeddings-line muted small">{note}</p> : null;
  }
  const percent = progressPercent(job?.progress ?? null);
  const counts = `${status.embedded.toLocaleString()} of ${status.total.toLocaleString()}`;
  // Someone else's job (an import, another window or process) will fill the gap: no second one.
  const othersAtWork = !job && status.busy !== null;
  const doing =
    othersAtWork && status.busy === 'importing'
      ? ' — the import embeds them.'
      : embedding
        ? ' — embedding…'
        : '.';
  return (
    <div className={`embeddings-line ${variant}`} data-testid="embeddings-status">
      <span>
        {reindexing
          ? job
            ? `Rebuilding the search index of ${status.total.toLocaleString()} papers, once after an upgrade; semantic search is slower until it is done…`
            : `The search index of ${status.total.toLocaleString()} papers was built by an earlier version; semantic search is slower until it is rebuilt.`
          : complete && !job
            ? status.total === 0
              ? `No papers yet; they are embedded with ${status.model} as they are imported.`
              : `All ${status.total.toLocaleString()} ${status.total === 1 ? 'paper is' : 'papers are'} embedded with ${status.model}.`
            : variant === 'library'
              ? `${status.missing.toLocaleString()} of ${status.total.toLocaleString()} papers have no vectors yet; search finds them by keywords only${doing}`
              : `Semantic search covers ${counts} papers${doing}`}
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
