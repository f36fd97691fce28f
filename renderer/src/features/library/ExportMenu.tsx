// The toolbar's Export menu: one entry per export format of the contract; while an export runs it
// becomes the export's progress bar with Cancel (a 10k-paper export takes a while).
import { useEffect, useRef, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../shared/api/schemas';
import { Icon } from '../../components/Icon';
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
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  if (job?.running)
    return (
      <JobProgress progress={job.progress} onCancel={job.cancel} testId="library-export-progress" />
    );
  return (
    <div
      className="menu-anchor"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
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
