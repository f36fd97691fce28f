// The paper pane: bibliographic details, links, abstract with highlights, the user's notes and
// tags, Delete.
import { displayName } from '../../../../shared/papers/names';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../../shared/api/errors';
import type { Paper } from '../../../../shared/api/schemas';
import { useApi } from '../../apiContext';
import { Icon } from '../../components/Icon';
import { useRequests } from '../../navigation/useRequests';
import { AnnotatedPaper } from '../annotations/AnnotatedPaper';
import { PaperSuggestions } from '../tagging/PaperSuggestions';
import { NotesEditor } from './NotesEditor';
import { TagEditor } from './TagEditor';
import { paperMeta } from './paperMeta';

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

type Load =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; paper: Paper };

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
  const api = useApi();
  // Tagged with the id it belongs to, so switching papers shows "loading" without an extra render.
  const [loaded, setLoaded] = useState<{ id: string; load: Load } | null>(null);
  const load: Load = loaded?.id === id ? loaded.load : { state: 'loading' };
  const setLoad = useCallback((l: Load) => setLoaded({ id, load: l }), [id]);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const wantFocus = useRef(false);

  useEffect(() => {
    let live = true;
    api.call('library:get', { id }).then(
      (paper) => live && setLoad({ state: 'ready', paper }),
      (err: unknown) => live && setLoad({ state: 'error', message: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, id, setLoad]);

  // Enter on a row asks for the notes before the paper has arrived: focus them once it has.
  useEffect(() => {
    if (loaded?.load.state === 'ready' && wantFocus.current) {
      wantFocus.current = false;
      notesRef.current?.focus();
    }
  }, [loaded]);

  // Enter on a row asks for the notes (see the effect above for a paper still loading).
  useRequests('paper', () => {
    if (notesRef.current) notesRef.current.focus();
    else wantFocus.current = true;
  });

  const saveNotes = useCallback(
    async (notes: string, opts?: { unloading: boolean }) => {
      const paper = await api.call('library:update', { id, notes }, { keepalive: opts?.unloading });
      onChanged(paper);
    },
    [api, id, onChanged],
  );

  const saveTags = useCallback(
    async (tags: string[]) => {
      const paper = await api.call('library:update', { id, tags });
      setLoad({ state: 'ready', paper });
      onChanged(paper);
      onTagsChanged();
    },
    [api, id, onChanged, onTagsChanged, setLoad],
  );

  // Accepting a suggestion adds its tag to the paper: show the paper as it is now.
  const onSuggestionDecided = useCallback(
    (decision: 'accepted' | 'rejected') => {
      if (decision !== 'accepted') {
        onTagsChanged();
        return;
      }
      api.call('library:get', { id }).then(
        (paper) => {
          setLoad({ state: 'ready', paper });
          onChanged(paper);
          onTagsChanged();
        },
        () => onTagsChanged(),
      );
    },
    [api, id, onChanged, onTagsChanged, setLoad],
  );

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
