// What a new, empty library shows: what Quire is and how to get papers in.
import { Icon } from '../../components/Icon';

export function EmptyState({ onImport }: { onImport(): void }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-mark" aria-hidden="true">
        <Icon name="library" size={40} />
      </div>
      <h2>Your library is empty</h2>
      <p>
        Quire is an offline lab notebook for research papers. Bring in the papers you are reading,
        keep notes and tags beside them, and export them again whenever another tool needs them.
        Nothing leaves this machine.
      </p>
      <button type="button" className="button primary large" onClick={onImport}>
        <Icon name="import" /> Import papers
      </button>
      <p className="hint">
        BibTeX, RIS, CSL-JSON, arXiv Atom, CSV, JSONL, or a pasted paper feed (title line, abstract
        line).
      </p>
    </div>
  );
}
