// The toolbar's Export menu: one entry per export format of the contract; while an export runs it
// becomes the export's progress bar with Cancel (a 10k-paper export takes a while).
import { EXPORT_FORMATS, type ExportFormat } from '@shared/api/schemas';
import { Icon } from '../../components/Icon';
import { useDismiss } from './useDismiss';
import { EXPORT_LABELS } from '../commands/registry';
import { JobProgress } from '../../components/JobProgress';
import type { Job } from '../../components/useJob';

export function ExportMenu({
  onExport,
  disabled,
  job,
}: {
  onExport(f: ExportFormat): void;
  disabled?: boolean;
  /** The running export, if any: shown as progress with Cancel in place of the menu. */
  job?: Pick<Job, 'running' | 'progress' | 'cancel'>;
}) {
  const { open, setOpen, ref, onKeyDown } = useDismiss();

  if (job?.running)
    return (
      <JobProgress progress={job.progress} onCancel={job.cancel} testId="library-export-progress" />
    );
  return (
    <div className="menu-anchor" ref={ref} onKeyDown={onKeyDown}>
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="export-button"
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="export" /> Export
      </button>
      {open && (
        <div className="menu" role="menu">
          {EXPORT_FORMATS.map((f) => (
            <button
              key={f}
              type="button"
              role="menuitem"
              className="menu-item"
              data-testid={`export-${f}`}
              onClick={() => {
                setOpen(false);
                onExport(f);
              }}
            >
              {EXPORT_LABELS[f]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
