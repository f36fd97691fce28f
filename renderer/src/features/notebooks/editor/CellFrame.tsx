// One cell of the open notebook: its head (type, name, status, run, move, delete), the cell type's
// own view, and its outputs (errors only, for views that draw their outputs themselves).
import type { ComponentType } from 'react';
import type { CellTypeInfo } from '@shared/api/notebook-contract';
import type { Cell, CellStatus, Notebook } from '@shared/notebook/model';
import { Icon } from '../../../components/Icon';
import { rendersOwnOutputs } from '../cellViews';
import type { CellViewProps } from '../cells/types';
import { Outputs } from '../Outputs';
import type { NotebookEditing } from './useNotebookEditing';
import type { Running } from './useNotebookRun';

const STATUS_LABEL: Record<CellStatus, string> = {
  fresh: 'fresh',
  stale: 'stale',
  'never-run': 'not run',
  'not-computable': '',
};

/** The buttons at the end of a cell's head: move up, move down, delete. */
const CELL_TOOLS = [
  {
    label: 'Move cell up',
    title: 'Move up (Ctrl+Alt+↑)',
    icon: 'up',
    move: -1,
    testId: undefined,
    disabled: (i: number) => i === 0,
  },
  {
    label: 'Move cell down',
    title: 'Move down (Ctrl+Alt+↓)',
    icon: 'down',
    move: 1,
    testId: undefined,
    disabled: (i: number, count: number) => i === count - 1,
  },
  {
    label: 'Delete cell',
    title: 'Delete cell (Ctrl+Z brings it back)',
    icon: 'close',
    move: 0,
    testId: 'cell-delete',
    disabled: () => false,
  },
] as const;

type Props = {
  notebook: Notebook;
  cell: Cell;
  index: number;
  info: CellTypeInfo | undefined;
  /** The cell type's view (cellViewFor), chosen by the editor. */
  View: ComponentType<CellViewProps>;
  status: CellStatus;
  running: Running | null;
  active: boolean;
  onFocus(): void;
  editing: NotebookEditing;
  run(cellId: string): Promise<void>;
  stop(): void;
  openPaper(id: string): void;
};

export function CellFrame(props: Props) {
  const { notebook, cell, index, info, status, running, editing, View } = props;
  const isRunning = running !== null && running.current === cell.id;
  return (
    <section
      ref={editing.cellRef(cell.id)}
      tabIndex={-1}
      className={`nb-cell ${props.active ? 'active' : ''} ${isRunning ? 'running' : ''}`}
      data-testid="cell"
      data-cell-type={cell.type}
      data-cell-id={cell.id}
      onFocus={props.onFocus}
    >
      <header className="nb-cell-head">
        <span className="nb-cell-type">{info?.label ?? cell.type}</span>
        <input
          className="nb-cell-name"
          data-testid="cell-name"
          placeholder="name"
          aria-label="Cell name (used by table('name'))"
          title="Other cells refer to this one by name: table('name'), plot and fit sources"
          value={cell.name ?? ''}
          maxLength={100}
          onChange={(e) => editing.rename(cell, e.target.value)}
        />
        {status !== 'not-computable' && (
          <span className={`nb-status nb-status-${status}`} data-testid="cell-status">
            {isRunning ? 'running…' : STATUS_LABEL[status]}
          </span>
        )}
        <span className="toolbar-spacer" />
        {info?.computable && (
          <button
            type="button"
            className="button small"
            data-testid="cell-run"
            disabled={running !== null}
            onClick={() => void props.run(cell.id)}
            title="Run (Shift+Enter)"
          >
            ▶ Run
          </button>
        )}
        {CELL_TOOLS.map((t) => (
          <button
            key={t.label}
            type="button"
            className="icon-button nb-cell-tool"
            aria-label={t.label}
            title={t.title}
            data-testid={t.testId}
            disabled={t.disabled(index, notebook.cells.length)}
            onClick={() => (t.move ? editing.move(cell.id, t.move) : editing.remove(cell.id))}
          >
            <Icon name={t.icon} size={14} />
          </button>
        ))}
      </header>
      <div className="nb-cell-body">
        <View
          notebook={notebook}
          cell={cell}
          status={status}
          onChange={(next) => editing.change(next)}
          onRun={() => props.run(cell.id)}
          openPaper={props.openPaper}
          {...(isRunning ? { job: { progress: running.progress, cancel: props.stop } } : {})}
        />
      </div>
      <Outputs
        outputs={
          rendersOwnOutputs(cell.type)
            ? cell.outputs.filter((o) => o.kind === 'error')
            : cell.outputs
        }
      />
    </section>
  );
}
