// What an import did: papers imported or kept after a cancel, duplicates, and issues.
import type { ImportResult } from '@shared/api/schemas';
import { DistinctList } from './DuplicateReport';
import { Issues } from './ImportIssues';
import { plural } from './importText';

export function ImportSummary({ result }: { result: ImportResult }) {
  return (
    <div className="summary" data-testid="import-summary" role="status">
      <p className="summary-main">
        {result.cancelled ? 'Cancelled: kept ' : 'Imported '}
        {plural(result.imported, 'paper')} · {plural(result.duplicateCount, 'duplicate')}
      </p>
      {result.mergedCount > 0 && (
        <p className="muted">
          {plural(result.mergedCount, 'duplicate')} had empty fields filled in.
        </p>
      )}
      <DistinctList distinct={result.distinct} count={result.distinctCount} />
      <Issues skipped={result.skipped} warnings={result.warnings} />
    </div>
  );
}
