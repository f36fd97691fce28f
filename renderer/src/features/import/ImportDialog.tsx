// Import dialog: pick a file or paste text, preview what would change, then import with progress and cancel.
import { displayName } from '../../../../shared/papers/names';
import { useRef, useState } from 'react';
import type { Progress } from '../../../../shared/api/contract';
import {
  IMPORT_FORMATS,
  MAX_IMPORT_BYTES,
  PASTED_TEXT_NAME,
  type ImportFormat,
  type ImportPreview,
  type ImportResult,
  type ImportSource,
} from '../../../../shared/api/schemas';
import { QuireError } from '../../../../shared/api/errors';
import { DuplicateList, DistinctList } from './DuplicateReport';
import { useApi } from '../../apiContext';
import { Icon } from '../../components/Icon';
import { Modal } from '../../components/Modal';
import { toBase64 } from './base64';
import './import.css';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  feed: 'Paper feed (title line, abstract line)',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  'arxiv-atom': 'arXiv Atom',
  csv: 'CSV',
  jsonl: 'JSONL',
};

type Stage = 'choose' | 'previewing' | 'previewed' | 'importing' | 'done';

type Props = {
  onClose(): void;
  /** Called whenever papers may have been added: after an import, also a cancelled one. */
  onImported(): void;
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

export function ImportDialog({ onClose, onImported }: Props) {
  const api = useApi();
  const [mode, setMode] = useState<'file' | 'paste'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [stage, setStage] = useState<Stage>('choose');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Would-be duplicates the user chose to import as their own papers (by record index). */
  const [keepSeparate, setKeepSeparate] = useState<ReadonlySet<number>>(new Set());
  const abort = useRef<AbortController | null>(null);

  const busy = stage === 'previewing' || stage === 'importing';
  const hasSource = mode === 'file' ? file !== null : text.trim() !== '';

  const resetOutcome = () => {
    setPreview(null);
    setKeepSeparate(new Set());
    setResult(null);
    setError(null);
    setProgress(null);
    setStage('choose');
  };

  const buildSource = async (): Promise<ImportSource> => {
    if (mode === 'paste') return { kind: 'text', name: PASTED_TEXT_NAME, text };
    if (!file) throw new QuireError('invalid_input', 'Choose a file first.');
    if (file.size > MAX_IMPORT_BYTES) {
      throw new QuireError(
        'invalid_file',
        `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; imports are limited to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
      );
    }
    return { kind: 'bytes', name: file.name, base64: toBase64(await file.arrayBuffer()) };
  };

  const run = async (what: 'preview' | 'import') => {
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setProgress(null);
    setResult(null);
    setStage(what === 'preview' ? 'previewing' : 'importing');
    try {
      const source = await buildSource();
      const request = { source, ...(format ? { format } : {}) };
      const opts = { signal: controller.signal, onProgress: setProgress };
      if (what === 'preview') {
        setKeepSeparate(new Set());
        setPreview(await api.call('import:preview', request, opts));
        setStage('previewed');
      } else {
        const overrides = keepSeparate.size > 0 ? { keepSeparate: [...keepSeparate] } : {};
        const res = await api.call('import:run', { ...request, ...overrides }, opts);
        setResult(res);
        setStage('done');
        onImported();
      }
    } catch (err) {
      const cancelled = err instanceof QuireError && err.code === 'cancelled';
      if (!cancelled) setError(err instanceof Error ? err.message : String(err));
      else if (what === 'import') {
        setError('Import cancelled. Papers imported before you cancelled were kept.');
        onImported();
      }
      setStage(preview && what === 'import' ? 'previewed' : 'choose');
    } finally {
      abort.current = null;
    }
  };

  const close = () => {
    abort.current?.abort();
    onClose();
  };

  const toImport = preview ? preview.newCount + keepSeparate.size : 0;
  const percent =
    progress && progress.total ? Math.round((100 * progress.done) / progress.total) : null;

  return (
    <Modal label="Import papers" onClose={close} className="import-dialog" testId="import-dialog">
      <header className="modal-head">
        <h2>Import papers</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={close}>
          <Icon name="close" />
        </button>
      </header>
      <div className="modal-body">
        <div className="segmented" role="tablist" aria-label="Source">
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'file'}
            className={mode === 'file' ? 'active' : ''}
            disabled={busy}
            onClick={() => {
              setMode('file');
              resetOutcome();
            }}
          >
            From a file
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'paste'}
            className={mode === 'paste' ? 'active' : ''}
            disabled={busy}
            onClick={() => {
              setMode('paste');
              resetOutcome();
            }}
          >
            Paste text
          </button>
        </div>

        {mode === 'file' ? (
          <label className="file-drop">
            <input
              type="file"
              data-testid="import-file-input"
              accept=".bib,.bibtex,.ris,.json,.csljson,.xml,.atom,.csv,.jsonl,.ndjson,.txt"
              disabled={busy}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                resetOutcome();
              }}
            />
            <span className="file-drop-text">
              {file
                ? `${(file.size / 1024).toFixed(1)} KB · press Preview to see what would change`
                : 'Choose a file: .bib, .ris, CSL .json, arXiv Atom .xml, .csv, .jsonl or a feed .txt'}
            </span>
          </label>
        ) : (
          <textarea
            className="paste-input"
            data-testid="import-paste"
            aria-label="Pasted text"
            placeholder="Paste BibTeX, RIS, JSON, CSV or a paper feed (title line, abstract line)…"
            value={text}
            disabled={busy}
            onChange={(e) => {
              setText(e.target.value);
              if (stage !== 'choose') resetOutcome();
            }}
          />
        )}

        <div className="form-row">
          <label htmlFor="import-format">Format</label>
          <select
            id="import-format"
            className="select"
            data-testid="import-format"
            value={format}
            disabled={busy}
            onChange={(e) => {
              setFormat(e.target.value as ImportFormat | '');
              resetOutcome();
            }}
          >
            <option value="">Detect automatically</option>
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </div>

        {error && (
          <div className="banner banner-error" role="alert" data-testid="import-error">
            {error}
          </div>
        )}

        {busy && (
          <div className="progress-block" data-testid="import-progress">
            <div className="progress-label">
              <span>
                {progress?.phase ?? (stage === 'previewing' ? 'Reading' : 'Importing')}
                {progress?.message ? ` — ${progress.message}` : ''}
              </span>
              <span>
                {progress
                  ? progress.total
                    ? `${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}`
                    : progress.done.toLocaleString()
                  : ''}
              </span>
            </div>
            <div
              className={`progress ${percent === null ? 'indeterminate' : ''}`}
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent ?? undefined}
            >
              <div className="progress-fill" style={{ width: `${percent ?? 30}%` }} />
            </div>
          </div>
        )}

        {preview && stage !== 'done' && (
          <PreviewReport
            preview={preview}
            keepSeparate={keepSeparate}
            onKeepSeparate={(index, keep) => {
              const next = new Set(keepSeparate);
              if (keep) next.add(index);
              else next.delete(index);
              setKeepSeparate(next);
            }}
            disabled={busy}
          />
        )}

        {result && stage === 'done' && (
          <div className="summary" data-testid="import-summary" role="status">
            <p className="summary-main">
              {result.cancelled ? 'Cancelled: kept ' : 'Imported '}
              {plural(result.imported, 'paper')} · {plural(result.duplicateCount, 'duplicate')}
            </p>
            {result.mergedCount > 0 && (
              <p className="muted">
                {plural(result.mergedCount, 'duplicate')} had empty fields filled in.
              </p>
            )}
            <DistinctList distinct={result.distinct} count={result.distinctCount} />
            <Issues skipped={result.skipped} warnings={result.warnings} />
          </div>
        )}
      </div>
      <footer className="modal-foot">
        {busy ? (
          <button
            type="button"
            className="button"
            data-testid="import-cancel"
            onClick={() => abort.current?.abort()}
          >
            Cancel
          </button>
        ) : stage === 'done' ? (
          <button
            type="button"
            className="button primary"
            data-testid="import-done"
            onClick={close}
          >
            Done
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={close}>
              Close
            </button>
            <button
              type="button"
              className="button"
              data-testid="import-preview-button"
              disabled={!hasSource}
              onClick={() => void run('preview')}
            >
              Preview
            </button>
            <button
              type="button"
              className="button primary"
              data-testid="import-run-button"
              disabled={!hasSource || (preview !== null && toImport === 0)}
              onClick={() => void run('import')}
            >
              {preview ? `Import ${plural(toImport, 'paper')}` : 'Import'}
            </button>
          </>
        )}
      </footer>
    </Modal>
  );
}

function PreviewReport({
  preview,
  keepSeparate,
  onKeepSeparate,
  disabled,
}: {
  preview: ImportPreview;
  keepSeparate: ReadonlySet<number>;
  onKeepSeparate(index: number, keep: boolean): void;
  disabled: boolean;
}) {
  return (
    <div className="preview" data-testid="import-preview">
      <div className="stats">
        <div className="stat">
          <span className="stat-value">{FORMAT_LABELS[preview.format].split(' (')[0]}</span>
          <span className="stat-label">format</span>
        </div>
        <div className="stat">
          <span className="stat-value" data-testid="preview-new">
            {preview.newCount.toLocaleString()}
          </span>
          <span className="stat-label">new</span>
        </div>
        <div className="stat">
          <span className="stat-value" data-testid="preview-duplicates">
            {preview.duplicateCount.toLocaleString()}
          </span>
          <span className="stat-label">duplicates</span>
        </div>
        <div className="stat">
          <span className="stat-value">{preview.skipped.length.toLocaleString()}</span>
          <span className="stat-label">skipped</span>
        </div>
      </div>
      <Issues skipped={preview.skipped} warnings={preview.warnings} />
      <DuplicateList
        duplicates={preview.duplicates}
        count={preview.duplicateCount}
        keepSeparate={keepSeparate}
        onKeepSeparate={onKeepSeparate}
        disabled={disabled}
      />
      <DistinctList distinct={preview.distinct} count={preview.distinctCount} />
      {preview.sample.length > 0 && (
        <div className="sample">
          <div className="sample-caption">
            First {preview.sample.length} of {preview.newCount.toLocaleString()} new papers
          </div>
          <table className="sample-table">
            <thead>
              <tr>
                <th>Title</th>
                <th>Authors</th>
                <th>Year</th>
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((p, i) => (
                <tr key={i}>
                  <td title={p.title}>{p.title}</td>
                  <td>
                    {p.authors.slice(0, 2).map(displayName).join(', ') +
                      (p.authors.length > 2 ? ' …' : '')}
                  </td>
                  <td>{p.year ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Issues({
  skipped,
  warnings,
}: {
  skipped: { at: string; reason: string }[];
  warnings: string[];
}) {
  if (skipped.length === 0 && warnings.length === 0) return null;
  return (
    <>
      {warnings.length > 0 && (
        <ul className="warnings">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <details className="issues" open={skipped.length <= 5}>
          <summary>Skipped records ({skipped.length})</summary>
          <ul>
            {skipped.map((s, i) => (
              <li key={i}>
                <span className="muted">{s.at}:</span> {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
