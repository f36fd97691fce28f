// What an import would do: counts, issues, duplicates to keep apart, and a sample of new papers.
import { displayName } from '@shared/papers/names';
import type { ReactNode } from 'react';
import type { ImportPreview } from '@shared/api/schemas';
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
        <Stat value={FORMAT_LABELS[preview.format].split(' (')[0]} label="format" />
        <Stat value={preview.newCount.toLocaleString()} label="new" testId="preview-new" />
        <Stat
          value={preview.duplicateCount.toLocaleString()}
          label="duplicates"
          testId="preview-duplicates"
        />
        <Stat value={preview.skipped.length.toLocaleString()} label="skipped" />
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

function Stat({ value, label, testId }: { value: ReactNode; label: string; testId?: string }) {
  return (
    <div className="stat">
      <span className="stat-value" data-testid={testId}>
        {value}
      </span>
      <span className="stat-label">{label}</span>
    </div>
  );
}
