// Settings → Models: the installed embedding models (bundled and downloaded) with the active one
// marked, switching the active model (re-indexes, with progress and cancel), and downloading a
// model from the hub by id (progress in MB, cancel; partial files are kept so it resumes).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Api } from '../../../../shared/api/client';
import type { Progress } from '../../../../shared/api/contract';
import { QuireError } from '../../../../shared/api/errors';
import { ModelIdSchema, type ModelInfo } from '../../../../shared/api/schemas';
import './ModelsPanel.css';

type Props = { api: Api };

type Job = { kind: 'use' | 'download'; id: string; progress: Progress | null };

const EXAMPLES = ['Xenova/all-MiniLM-L6-v2', 'Xenova/bge-small-en-v1.5'];

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function progressText(p: Progress | null): string {
  if (!p) return '';
  if (p.phase === 'download') return p.total == null ? '' : `${mb(p.done)} / ${mb(p.total)} MB`;
  return p.total == null
    ? p.done.toLocaleString()
    : `${p.done.toLocaleString()} / ${p.total.toLocaleString()}`;
}

export function ModelsPanel({ api }: Props) {
  const [models, setModels] = useState<ModelInfo[] | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [hubId, setHubId] = useState('');
  const abortRef = useRef<AbortController | null>(null);
  // Results that arrive after the panel closed are dropped; the job itself keeps running.
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  // Bumped after a job so the list (sizes, Active badge) is read again.
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);

  useEffect(() => {
    api.call('models:list', {}).then(
      (list) => live.current && setModels(list),
      (err: unknown) => live.current && setError(message(err)),
    );
  }, [api, version]);

  /** Runs one long call with progress and cancel; only one at a time. */
  async function runJob<T>(
    kind: Job['kind'],
    id: string,
    call: (opts: { signal: AbortSignal; onProgress: (p: Progress) => void }) => Promise<T>,
  ): Promise<T | null> {
    const controller = new AbortController();
    abortRef.current = controller;
    setError(null);
    setNotice(null);
    setJob({ kind, id, progress: null });
    try {
      return await call({
        signal: controller.signal,
        onProgress: (p) => live.current && setJob((j) => (j ? { ...j, progress: p } : j)),
      });
    } catch (err) {
      if (!live.current) return null;
      if (err instanceof QuireError && err.code === 'cancelled')
        setNotice(
          kind === 'download'
            ? `Download of ${id} cancelled. Starting it again resumes where it stopped.`
            : `Switching to ${id} was cancelled.`,
        );
      else setError(message(err));
      return null;
    } finally {
      abortRef.current = null;
      if (live.current) setJob(null);
    }
  }

  async function use(id: string) {
    const status = await runJob('use', id, (opts) => api.call('models:use', { id }, opts));
    if (!status || !live.current) return;
    setNotice(
      `Now using ${status.model}: ${status.embedded.toLocaleString()} of ${status.total.toLocaleString()} papers embedded.`,
    );
    reload();
  }

  async function download(e: FormEvent) {
    e.preventDefault();
    const parsed = ModelIdSchema.safeParse(hubId);
    if (!parsed.success) {
      setNotice(null);
      setError(parsed.error.issues[0]?.message ?? 'Not a model id.');
      return;
    }
    const id = parsed.data;
    const info = await runJob('download', id, (opts) =>
      api.call('models:download', { id, revision: 'main' }, opts),
    );
    if (!info || !live.current) return;
    setHubId('');
    setNotice(`Downloaded ${info.id} (${formatSize(info.sizeBytes)}). Press Use to switch to it.`);
    reload();
  }

  const p = job?.progress ?? null;
  const percent = p && p.total ? Math.min(100, Math.round((100 * p.done) / p.total)) : null;

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
        <table className="models-table">
          <thead>
            <tr>
              <th>Model</th>
              <th>Source</th>
              <th className="num">Dims</th>
              <th className="num">Size</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.id} data-testid="model-row" data-model-id={m.id}>
                <td>
                  <code className="model-id">{m.id}</code>
                  {m.active && <span className="badge model-active">Active</span>}
                  {m.description && <div className="muted small">{m.description}</div>}
                </td>
                <td>{m.source === 'bundled' ? 'Bundled' : 'Downloaded'}</td>
                <td className="num">{m.dims > 0 ? m.dims : '?'}</td>
                <td className="num">{formatSize(m.sizeBytes)}</td>
                <td className="actions">
                  <button
                    type="button"
                    className="button small"
                    data-testid="model-use"
                    disabled={m.active || job !== null}
                    onClick={() => void use(m.id)}
                    title={
                      m.active ? 'This model is active' : 'Make active and re-index the library'
                    }
                  >
                    {m.active ? 'In use' : 'Use'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {job && (
        <div className="progress-block" data-testid="model-progress">
          <div className="progress-label">
            <span>
              {job.kind === 'download' ? `Downloading ${job.id}` : `Switching to ${job.id}`}
              {p?.message && p.phase === 'download' ? ` — ${p.message}` : ''}
              {p && p.phase !== 'download'
                ? ` — ${p.phase}${p.message ? `: ${p.message}` : ''}`
                : ''}
            </span>
            <span>{progressText(p)}</span>
          </div>
          <div className="models-progress-row">
            <div
              className={`progress ${percent === null ? 'indeterminate' : ''}`}
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent ?? undefined}
            >
              <div className="progress-fill" style={{ width: `${percent ?? 30}%` }} />
            </div>
            <button
              type="button"
              className="button small"
              data-testid="model-cancel"
              onClick={() => abortRef.current?.abort()}
            >
              Cancel
            </button>
          </div>
        </div>
      )}

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

      <form className="models-download" onSubmit={(e) => void download(e)}>
        <label htmlFor="model-download-id">Download a model from the Hugging Face hub</label>
        <div className="models-download-row">
          <input
            id="model-download-id"
            className="models-input"
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder={EXAMPLES[0]}
            value={hubId}
            onChange={(e) => setHubId(e.target.value)}
            data-testid="model-download-input"
          />
          <button
            type="submit"
            className="button primary"
            data-testid="model-download-button"
            disabled={job !== null || hubId.trim() === ''}
          >
            Download
          </button>
        </div>
        <p className="muted small">
          Models published for transformers.js, e.g.{' '}
          {EXAMPLES.map((x, i) => (
            <span key={x}>
              {i > 0 && ' or '}
              <button type="button" className="link-button" onClick={() => setHubId(x)}>
                {x}
              </button>
            </span>
          ))}
          . Downloads need a network connection; only the model files are fetched, and nothing else
          leaves this machine.
        </p>
      </form>
    </section>
  );
}
