// The outcome of a finished suggestion run: a one-line summary, warnings, papers not tagged.
import type { SuggestRunResult } from '@shared/api/tagging-contract';

function summary(r: SuggestRunResult): string {
  const pending = r.suggestions.length;
  const parts = [
    `${r.cancelled ? 'Cancelled: ' : ''}${r.created.toLocaleString()} new ${r.created === 1 ? 'suggestion' : 'suggestions'}`,
    `${pending.toLocaleString()} waiting for review`,
  ];
  if (r.notTagged.length)
    parts.push(`${r.notTagged.length} ${r.notTagged.length === 1 ? 'paper' : 'papers'} not tagged`);
  return `${parts.join(' · ')} (${r.tagger}${r.model ? `, ${r.model}` : ''})`;
}

export function RunResult({ result, runs }: { result: SuggestRunResult; runs: number }) {
  return (
    <div className="run-result" data-testid="run-result" data-run={runs} role="status">
      <span>{summary(result)}</span>
      {result.warnings.map((w) => (
        <span key={w} className="run-warning">
          {w}
        </span>
      ))}
      {result.notTagged.length > 0 && (
        <details>
          <summary>Papers not tagged</summary>
          <ul>
            {result.notTagged.slice(0, 50).map((n) => (
              <li key={n.paperId}>
                <code>{n.paperId}</code>: {n.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
