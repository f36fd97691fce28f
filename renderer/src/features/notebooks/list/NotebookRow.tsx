// One row of the notebook list: its title, date and cell count (click opens, double click or F2
// renames in place) and the rename, duplicate and delete buttons.
import type { NotebookSummary } from '../../../../../shared/notebook/model';
import { Icon } from '../../../components/Icon';

type Props = {
  n: NotebookSummary;
  selected: boolean;
  renaming: boolean;
  setRenaming(id: string | null): void;
  open(): void;
  rename(title: string): void;
  duplicate(): void;
  remove(): void;
};

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function NotebookRow({ n, selected, renaming, setRenaming, ...act }: Props) {
  return (
    <li className="nb-list-row">
      {renaming ? (
        <input
          className="nb-rename"
          data-testid="notebook-rename-input"
          defaultValue={n.title}
          autoFocus
          aria-label="Notebook title"
          onBlur={(e) => act.rename(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') act.rename(e.currentTarget.value);
            if (e.key === 'Escape') setRenaming(null);
          }}
        />
      ) : (
        <button
          type="button"
          className={`nb-list-item ${selected ? 'selected' : ''}`}
          data-testid="notebook-list-item"
          aria-current={selected ? 'true' : undefined}
          onClick={act.open}
          onDoubleClick={() => setRenaming(n.id)}
          onKeyDown={(e) => {
            if (e.key === 'F2') setRenaming(n.id);
          }}
        >
          <span className="nb-list-title">{n.title}</span>
          <span className="nb-list-meta">
            {when(n.updatedAt)} · {n.cellCount} {n.cellCount === 1 ? 'cell' : 'cells'}
          </span>
        </button>
      )}
      <span className="nb-list-actions">
        <button
          type="button"
          className="icon-button"
          title="Rename (F2)"
          aria-label={`Rename ${n.title}`}
          data-testid="notebook-rename"
          onClick={() => setRenaming(n.id)}
        >
          <Icon name="edit" size={14} />
        </button>
        <button
          type="button"
          className="icon-button"
          title="Duplicate"
          aria-label={`Duplicate ${n.title}`}
          data-testid="notebook-duplicate"
          onClick={act.duplicate}
        >
          <Icon name="copy" size={14} />
        </button>
        <button
          type="button"
          className="icon-button"
          title="Delete"
          aria-label={`Delete ${n.title}`}
          data-testid="notebook-delete"
          onClick={act.remove}
        >
          <Icon name="trash" size={14} />
        </button>
      </span>
    </li>
  );
}
