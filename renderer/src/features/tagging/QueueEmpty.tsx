// What the review queue says when it has nothing to show, and the one thing to do next.
type Props = {
  reason: 'no-tags' | 'filtered' | 'nothing';
  onManageTags(): void;
  onClearFilters(): void;
};

export function QueueEmpty({ reason, onManageTags, onClearFilters }: Props) {
  if (reason === 'no-tags')
    return (
      <div className="empty-state" data-testid="queue-empty">
        <h2>No tags yet</h2>
        <p>Add tags with a one-sentence description, then run suggestions.</p>
        <button type="button" className="button primary" onClick={onManageTags}>
          Add tags
        </button>
      </div>
    );
  if (reason === 'filtered')
    return (
      <div className="empty-state" data-testid="queue-empty">
        <h2>Nothing matches these filters</h2>
        <p>No pending suggestions of this tag or tagger.</p>
        <button type="button" className="button" onClick={onClearFilters}>
          Show all suggestions
        </button>
      </div>
    );
  return (
    <div className="empty-state" data-testid="queue-empty">
      <h2>Nothing to review</h2>
      <p>
        Run suggestions to propose tags from your vocabulary for every paper. Tags whose description
        is one clear sentence get the best suggestions.
      </p>
    </div>
  );
}
