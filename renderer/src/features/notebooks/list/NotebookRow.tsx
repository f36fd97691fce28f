// One row of the notebook list: its title, date and cell count (click opens, double click or F2
// renames in place) and the rename, duplicate and delete buttons.
import type { NotebookSummary } from '@shared/notebook/model';
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

/** The buttons at the end of a row, in order. */
const ACTIONS = [
  { id: 'rename', label: 'Rename', title: 'Rename (F2)', testId: 'notebook-rename', icon: 'edit' },
  {
    id: 'duplicate',
    label: 'Duplicate',
    title: 'Duplicate',
    testId: 'notebook-duplicate',
    icon: 'copy',
  },
  { id: 'remove', label: 'Delete', title: 'Delete', testId: 'notebook-delete', icon: 'trash' },
] as const;

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
        {ACTIONS.map((a) => (
          <button
            key={a.testId}
            type="button"
            className="icon-button"
            title={a.title}
            aria-label={`${a.label} ${n.title}`}
            data-testid={a.testId}
            onClick={a.id === 'rename' ? () => setRenaming(n.id) : act[a.id]}
          >
            <Icon name={a.icon} size={14} />
          </button>
        ))}
      </span>
    </li>
  );
}
