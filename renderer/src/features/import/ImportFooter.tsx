// The dialog's buttons: Cancel while running, Done after, otherwise Close, Preview and Import.
import { plural } from './importText';
import type { ImportModel } from './useImport';

export function ImportFooter({ m, onClose }: { m: ImportModel; onClose(): void }) {
  return (
    <footer className="modal-foot">
      {m.busy ? (
        <button type="button" className="button" data-testid="import-cancel" onClick={m.cancel}>
          Cancel
        </button>
      ) : m.stage === 'done' ? (
        <button
          type="button"
          className="button primary"
          data-testid="import-done"
          onClick={onClose}
        >
          Done
        </button>
      ) : (
        <>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button
            type="button"
            className="button"
            data-testid="import-preview-button"
            disabled={!m.hasSource}
            onClick={() => m.run('preview')}
          >
            Preview
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="import-run-button"
            disabled={!m.hasSource || (m.preview !== null && m.toImport === 0)}
            onClick={() => m.run('import')}
          >
            {m.preview ? `Import ${plural(m.toImport, 'paper')}` : 'Import'}
          </button>
        </>
      )}
    </footer>
  );
}
