// Settings → Models: the installed embedding models (bundled and downloaded) with the active one
// marked, switching the active model (re-indexes, with progress and cancel), and downloading a
// model from the hub by id (progress in MB, cancel; partial files are kept so it resumes).
import { DownloadForm, ModelJobProgress, ModelsTable } from './ModelParts';
import { useModelJobs } from './useModelJobs';
import './ModelsPanel.css';

export function ModelsPanel() {
  const { models, job, error, notice, use, download, cancel } = useModelJobs();
  return (
    <section className="card models-panel" data-testid="models-panel">
      <h2>Models</h2>
      <p className="muted small">
        Embedding models turn papers into vectors for semantic search. Everything runs on this
        machine.
      </p>

      {models === null ? (
        <p className="muted">Loading models…</p>
      ) : models.length === 0 ? (
        <p className="muted">No models installed.</p>
      ) : (
        <ModelsTable models={models} busy={job !== null} onUse={(id) => void use(id)} />
      )}

      {job && <ModelJobProgress job={job} onCancel={cancel} />}

      {error && (
        <p className="banner banner-error" role="alert" data-testid="model-error">
          {error}
        </p>
      )}
      {notice && (
        <p className="muted" role="status" data-testid="model-notice">
          {notice}
        </p>
      )}

      <DownloadForm busy={job !== null} onDownload={download} />
    </section>
  );
}
