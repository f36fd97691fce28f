// Exporting the open notebook (Markdown, HTML with math, Jupyter) as a download: saved first, and
// shown as a job with progress and Cancel, since an HTML export of many cells takes a while.
import type { Api } from '@shared/api/client';
import { errorMessage } from '@shared/api/errors';
import { downloadBlob } from '../../../lib/downloadBlob';
import { useJob, type Job } from '../../../components/useJob';

export type ExportFormat = 'md' | 'html' | 'ipynb';

const MIME: Record<ExportFormat, string> = {
  md: 'text/markdown',
  html: 'text/html',
  ipynb: 'application/json',
};

export function useNotebookExport(
  api: Api,
  id: string,
  saveNow: () => Promise<void>,
  setNotice: (notice: string | null) => void,
): { job: Job; exportAs(format: ExportFormat): Promise<void> } {
  const job = useJob();

  const exportAs = async (format: ExportFormat) => {
    try {
      await saveNow();
      const done = await job.run((signal, onProgress) =>
        api.call('notebooks:export', { id, format }, { signal, onProgress }),
      );
      if (done.cancelled) {
        setNotice('Export cancelled: no file was saved.');
        return;
      }
      downloadBlob(done.value.content, done.value.filename, MIME[format]);
    } catch (err) {
      setNotice(`Export failed: ${errorMessage(err)}`);
    }
  };

  return { job, exportAs };
}
