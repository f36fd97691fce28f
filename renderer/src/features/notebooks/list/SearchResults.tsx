// The notebook list while searching: notebooks whose title or cells match, with up to three
// snippets each; a click opens the notebook at the first matching cell.
import type { NotebookSearchHit } from '@shared/api/notebook-contract';

type Props = {
  hits: NotebookSearchHit[] | null;
  openId: string | null;
  open(id: string, cellId: string | null): void;
};

export function SearchResults({ hits, openId, open }: Props) {
  return (
    <ul className="nb-list" data-testid="notebook-search-results">
      {hits === null && <li className="muted small nb-list-note">Searching…</li>}
      {hits?.length === 0 && <li className="muted small nb-list-note">No notebook matches.</li>}
      {hits?.map((h) => (
        <li key={h.id}>
          <button
            type="button"
            className={`nb-list-item ${h.id === openId ? 'selected' : ''}`}
            data-testid="notebook-search-hit"
            onClick={() => open(h.id, h.matches.find((m) => m.cellId)?.cellId ?? null)}
          >
            <span className="nb-list-title">{h.title}</span>
            {h.matches.slice(0, 3).map((m, i) => (
              <span key={i} className="nb-snippet">
                {m.snippet}
              </span>
            ))}
          </button>
        </li>
      ))}
    </ul>
  );
}
