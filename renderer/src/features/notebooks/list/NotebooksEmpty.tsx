// What the Notebooks view shows with no notebook open: what a notebook is for, and New notebook.
import { Icon } from '../../../components/Icon';

export function NotebooksEmpty({ empty, create }: { empty: boolean; create(): void }) {
  return (
    <div className="empty-state" data-testid="notebooks-empty">
      <div className="empty-mark" aria-hidden="true">
        <Icon name="notebook" size={40} />
      </div>
      <h2>{empty ? 'No notebooks yet' : 'Open a notebook'}</h2>
      <p>
        A notebook is where reading turns into results: text with math ($E = mc^2$) and references
        to papers in your library, tables of numbers pasted from a paper, plots of them, curve fits
        and JavaScript that computes with them. Everything runs and stays on this machine, and
        exports to Markdown, HTML or Jupyter.
      </p>
      <button type="button" className="button primary large" onClick={create}>
        <Icon name="notebook" /> New notebook
      </button>
      {!empty && <p className="hint">Or pick one from the list.</p>}
    </div>
  );
}
