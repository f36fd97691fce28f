// Import dialog: pick a file or paste text, preview what would change, then import with progress and cancel.
import { Icon } from '../../components/Icon';
import { Modal } from '../../components/Modal';
import { ImportFooter } from './ImportFooter';
import { ImportProgress } from './ImportProgress';
import { ImportSourcePicker } from './ImportSourcePicker';
import { ImportSummary } from './ImportSummary';
import { PreviewReport } from './PreviewReport';
import { useImport } from './useImport';
import './import.css';

export { FORMAT_LABELS } from './importText';

type Props = {
  onClose(): void;
  /** Called whenever papers may have been added: after an import, also a cancelled one. */
  onImported(): void;
};

export function ImportDialog({ onClose, onImported }: Props) {
  const m = useImport(onImported);
  const { stage, preview, result, error } = m;

  const close = () => {
    m.cancel();
    onClose();
  };

  return (
    <Modal label="Import papers" onClose={close} className="import-dialog" testId="import-dialog">
      <header className="modal-head">
        <h2>Import papers</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={close}>
          <Icon name="close" />
        </button>
      </header>
      <div className="modal-body">
        <ImportSourcePicker m={m} />

        {error && (
          <div className="banner banner-error" role="alert" data-testid="import-error">
            {error}
          </div>
        )}

        {m.busy && <ImportProgress progress={m.progress} stage={stage} />}

        {preview && stage !== 'done' && (
          <PreviewReport
            preview={preview}
            keepSeparate={m.keepSeparate}
            onKeepSeparate={m.setKeep}
            disabled={m.busy}
          />
        )}

        {result && stage === 'done' && <ImportSummary result={result} />}
      </div>
      <ImportFooter m={m} onClose={close} />
    </Modal>
  );
}
