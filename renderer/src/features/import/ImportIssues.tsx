// Records the import skipped, and the warnings it raised.

export function Issues({
  skipped,
  warnings,
}: {
  skipped: { at: string; reason: string }[];
  warnings: string[];
}) {
  if (skipped.length === 0 && warnings.length === 0) return null;
  return (
    <>
      {warnings.length > 0 && (
        <ul className="warnings">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <details className="issues" open={skipped.length <= 5}>
          <summary>Skipped records ({skipped.length})</summary>
          <ul>
            {skipped.map((s, i) => (
              <li key={i}>
                <span className="muted">{s.at}:</span> {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
