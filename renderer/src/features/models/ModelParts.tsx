// The Models panel's parts: the table of installed models, the running job's progress with Cancel,
// and the hub download form.
import { useState } from 'react';
import type { Progress } from '@shared/api/contract';
import type { ModelInfo } from '@shared/api/schemas';
import { ProgressBar } from '../../components/ProgressBar';
import { formatSize } from './formatSize';
import type { ModelJob } from './useModelJobs';

const EXAMPLES = ['Xenova/all-MiniLM-L6-v2', 'Xenova/bge-small-en-v1.5'];

const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);

function progressText(p: Progress | null): string {
  if (!p) return '';
  if (p.phase === 'download') return p.total == null ? '' : `${mb(p.done)} / ${mb(p.total)} MB`;
  return p.total == null
    ? p.done.toLocaleString()
    : `${p.done.toLocaleString()} / ${p.total.toLocaleString()}`;
}

type TableProps = { models: ModelInfo[]; busy: boolean; onUse(id: string): void };

export function ModelsTable({ models, busy, onUse }: TableProps) {
  return (
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
                disabled={m.active || busy}
                onClick={() => onUse(m.id)}
                title={m.active ? 'This model is active' : 'Make active and re-index the library'}
              >
                {m.active ? 'In use' : 'Use'}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ModelJobProgress({ job, onCancel }: { job: ModelJob; onCancel(): void }) {
  const p = job.progress;
  return (
    <div className="progress-block" data-testid="model-progress">
      <div className="progress-label">
        <span>
          {job.kind === 'download' ? `Downloading ${job.id}` : `Switching to ${job.id}`}
          {p?.message && p.phase === 'download' ? ` — ${p.message}` : ''}
          {p && p.phase !== 'download' ? ` — ${p.phase}${p.message ? `: ${p.message}` : ''}` : ''}
        </span>
        <span>{progressText(p)}</span>
      </div>
      <div className="models-progress-row">
        <ProgressBar fraction={p && p.total ? p.done / p.total : null} />
        <button
          type="button"
          className="button small"
          data-testid="model-cancel"
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}

type FormProps = { busy: boolean; onDownload(id: string): Promise<boolean> };

export function DownloadForm({ busy, onDownload }: FormProps) {
  const [hubId, setHubId] = useState('');
  return (
    <form
      className="models-download"
      onSubmit={(e) => {
        e.preventDefault();
        void onDownload(hubId).then((done) => done && setHubId(''));
      }}
    >
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
          disabled={busy || hubId.trim() === ''}
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
  );
}
