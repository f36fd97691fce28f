// The notebook export formats, alone in a module so the API contract can name them without loading
// the exporters (KaTeX, marked) into every process that starts the services.
export const NOTEBOOK_EXPORT_FORMATS = ['md', 'html', 'ipynb'] as const;
export type NotebookExportFormat = (typeof NOTEBOOK_EXPORT_FORMATS)[number];
