// Where the papers come from: a file or pasted text, and the format (or detect it).
import { IMPORT_FORMATS, type ImportFormat } from '@shared/api/schemas';
import { FORMAT_LABELS } from './importText';
import type { ImportModel } from './useImport';

export function ImportSourcePicker({ m }: { m: ImportModel }) {
  const { mode, busy, file } = m;
  const pick = (next: 'file' | 'paste') => {
    m.setMode(next);
    m.resetOutcome();
  };
  return (
    <>
      <div className="segmented" role="tablist" aria-label="Source">
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'file'}
          className={mode === 'file' ? 'active' : ''}
          disabled={busy}
          onClick={() => pick('file')}
        >
          From a file
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'paste'}
          className={mode === 'paste' ? 'active' : ''}
          disabled={busy}
          onClick={() => pick('paste')}
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
              m.setFile(e.target.files?.[0] ?? null);
              m.resetOutcome();
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
          value={m.text}
          disabled={busy}
          onChange={(e) => {
            m.setText(e.target.value);
            if (m.stage !== 'choose') m.resetOutcome();
          }}
        />
      )}

      <div className="form-row">
        <label htmlFor="import-format">Format</label>
        <select
          id="import-format"
          className="select"
          data-testid="import-format"
          value={m.format}
          disabled={busy}
          onChange={(e) => {
            m.setFormat(e.target.value as ImportFormat | '');
            m.resetOutcome();
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
    </>
  );
}
