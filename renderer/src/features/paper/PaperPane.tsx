// The paper pane: bibliographic details, links, abstract with highlights, the user's notes and
// tags, Delete.
import { displayName } from '@shared/papers/names';
import type { Paper } from '@shared/api/schemas';
import { Icon } from '../../components/Icon';
import { AnnotatedPaper } from '../annotations/AnnotatedPaper';
import { PaperSuggestions } from '../tagging/PaperSuggestions';
import { NotesEditor } from './NotesEditor';
import { TagEditor } from './TagEditor';
import { paperMeta } from './paperMeta';
import { usePaperPane } from './usePaperPane';
import './paper.css';

type Props = {
  id: string;
  /** The app's library version: when it moves (e.g. another process added a highlight), the
   * paper's highlights are re-read. */
  version?: number;
  tagSuggestions: string[];
  onChanged(paper: Paper): void;
  onTagsChanged(): void;
  onDelete(id: string): void;
  onClose(): void;
  /** Shows papers like this one (Search view); no button without it. */
  onMoreLikeThis?(paper: Paper): void;
};

export function PaperPane({
  id,
  version = 0,
  tagSuggestions,
  onChanged,
  onTagsChanged,
  onDelete,
  onClose,
  onMoreLikeThis,
}: Props) {
  const { load, notesRef, saveNotes, saveTags, onSuggestionDecided } = usePaperPane({
    id,
    onChanged,
    onTagsChanged,
  });

  return (
    <aside
      className="paper-pane"
      data-testid="paper-pane"
      aria-label="Paper details"
      // Esc closes the pane from anywhere inside it (a control that uses Esc itself prevents it).
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="pane-bar">
        <span className="pane-kicker">Paper</span>
        <span className="pane-bar-actions">
          {onMoreLikeThis && load.state === 'ready' && (
            <button
              type="button"
              className="button small"
              data-testid="more-like-this"
              title="Papers nearest to this one in meaning"
              onClick={() => onMoreLikeThis(load.paper)}
            >
              <Icon name="search" size={14} /> More like this
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Close paper" onClick={onClose}>
            <Icon name="close" />
          </button>
        </span>
      </div>
      {load.state === 'loading' && <div className="pane-body muted">Loading…</div>}
      {load.state === 'error' && (
        <div className="pane-body">
          <p className="field-error" role="alert">
            {load.message}
          </p>
        </div>
      )}
      {load.state === 'ready' && (
        <div className="pane-body">
          <AnnotatedPaper
            paper={load.paper}
            version={version}
            renderTitle={(title) => (
              <>
                <h2 className="paper-title" data-testid="paper-title">
                  {title}
                </h2>
                {load.paper.authors.length > 0 && (
                  <p className="paper-authors">{load.paper.authors.map(displayName).join(', ')}</p>
                )}
                <p className="paper-meta">{paperMeta(load.paper) || 'No venue or year'}</p>
                <PaperLinks paper={load.paper} />
              </>
            )}
          />
          <NotesEditor
            key={load.paper.id}
            ref={notesRef}
            initial={load.paper.notes}
            save={saveNotes}
          />
          <TagEditor tags={load.paper.tags} suggestions={tagSuggestions} onChange={saveTags} />
          <PaperSuggestions paperId={load.paper.id} onDecided={onSuggestionDecided} />
          <div className="pane-actions">
            {load.paper.sourceFile && (
              <span className="muted small">Imported from {load.paper.sourceFile}</span>
            )}
            <button
              type="button"
              className="button danger"
              data-testid="delete-button"
              onClick={() => onDelete(load.paper.id)}
            >
              <Icon name="trash" /> Delete
            </button>
          </div>
        </div>
      )}
    </aside>
  );
}

function PaperLinks({ paper }: { paper: Paper }) {
  const links: { label: string; href: string; text: string }[] = [];
  if (paper.doi)
    links.push({ label: 'DOI', href: `https://doi.org/${paper.doi}`, text: paper.doi });
  if (paper.arxivId)
    links.push({
      label: 'arXiv',
      href: `https://arxiv.org/abs/${paper.arxivId}`,
      text: paper.arxivId,
    });
  // Imported data decides the URL: only web links, never `javascript:` or `file:`.
  if (/^https?:\/\//i.test(paper.url) && !links.some((l) => l.href === paper.url))
    links.push({ label: 'URL', href: paper.url, text: paper.url.replace(/^https?:\/\//, '') });
  if (links.length === 0) return null;
  return (
    <ul className="paper-links">
      {links.map((l) => (
        <li key={l.label}>
          <span className="link-label">{l.label}</span>
          <a href={l.href} target="_blank" rel="noreferrer noopener">
            {l.text}
          </a>
        </li>
      ))}
    </ul>
  );
}
