// Exports the whole library as a download; a 10k-paper export takes a while, so it is a job the
// Export menu shows with its progress and Cancel.
import { useCallback } from 'react';
import type { Api } from '@shared/api/client';
import { errorMessage } from '@shared/api/errors';
import type { ExportFormat } from '@shared/api/schemas';
import { EXPORT_LABELS } from '../features/commands/registry';
import { useJob } from '../components/useJob';
import { downloadBlob } from '../lib/downloadBlob';
import type { ShowToast } from './useToast';

export function useLibraryExport(api: Api, showToast: ShowToast) {
  const job = useJob();
  const run = job.run;
  const exportAs = useCallback(
    async (format: ExportFormat) => {
      try {
        const result = await run((signal, onProgress) =>
          api.call('export:library', { format }, { signal, onProgress }),
        );
        if (result.cancelled) {
          showToast({ text: 'Export cancelled: no file was saved.' });
          return;
        }
        const res = result.value;
        downloadBlob(res.content, res.filename, res.mime);
        showToast({
          text: `Exported ${res.count} ${res.count === 1 ? 'paper' : 'papers'} as ${EXPORT_LABELS[format]}`,
        });
      } catch (err) {
        showToast({ text: `Export failed: ${errorMessage(err)}`, tone: 'error' });
      }
    },
    [api, showToast, run],
  );
  return { job, exportAs };
}
