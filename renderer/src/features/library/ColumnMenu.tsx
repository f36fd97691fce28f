// The library table's column menu (the header's last cell): show or hide each column; columns
// that are empty in the whole library say so, and hide themselves unless the user shows them.
import type { ColumnFill } from '@shared/api/schemas';
import { Icon } from '../../components/Icon';
import { useDismiss } from './useDismiss';
import { COLUMNS, hasValues, type Column, type ColumnPrefs, type OptionalColumn } from './columns';

type Props = {
  visible: readonly Column[];
  filled: ColumnFill | undefined;
  prefs: ColumnPrefs;
  onChange(next: ColumnPrefs): void;
};

export function ColumnMenu({ visible, filled, prefs, onChange }: Props) {
  const { open, setOpen, ref, onKeyDown } = useDismiss();

  const shown = new Set(visible.map((c) => c.id));
  const hidden = COLUMNS.filter((c) => !shown.has(c.id)).map((c) => c.label);
  const label = hidden.length ? `Columns (hidden: ${hidden.join(', ')})` : 'Columns';

  const toggle = (id: OptionalColumn) => {
    const next = { ...prefs };
    const want = !shown.has(id);
    // Back to the automatic choice when the user picks what it would pick anyway.
    if (want === hasValues(id, filled)) delete next[id];
    else next[id] = want;
    onChange(next);
  };

  return (
    <div className="menu-anchor column-menu" ref={ref} onKeyDown={onKeyDown}>
      <button
        type="button"
        className={`icon-button column-menu-button ${hidden.length ? 'has-hidden' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        title={label}
        data-testid="column-menu-button"
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="columns" size={14} />
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Columns" data-testid="column-menu">
          {COLUMNS.filter((c) => c.id !== 'title').map((c) => {
            const id = c.id as OptionalColumn;
            const empty = !hasValues(id, filled);
            return (
              <button
                key={id}
                type="button"
                role="menuitemcheckbox"
                aria-checked={shown.has(id)}
                className="menu-item column-menu-item"
                data-testid={`column-toggle-${id}`}
                onClick={() => toggle(id)}
              >
                <span className="column-check" aria-hidden="true">
                  {shown.has(id) ? '✓' : ''}
                </span>
                {c.label}
                {empty && <span className="muted small"> — empty in this library</span>}
              </button>
            );
          })}
          {Object.keys(prefs).length > 0 && (
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              data-testid="column-reset"
              onClick={() => onChange({})}
            >
              Automatic (hide empty columns)
            </button>
          )}
        </div>
      )}
    </div>
  );
}
