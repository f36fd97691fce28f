// What an import would do: counts, issues, duplicates to keep apart, and a sample of new papers.
import { displayName } from '../../../../shared/papers/names';
import type { ImportPreview } from '../../../../shared/api/schemas';
import { DuplicateList, DistinctList } from './DuplicateReport';
import { Issues } from './ImportIssues';
import { FORMAT_LABELS } from './importText';

export function PreviewReport({
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
