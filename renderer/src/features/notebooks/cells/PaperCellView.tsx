// Paper cell: a library paper as a card (title, authors, year, abstract with the paper's
// highlights) with the user's annotation (Markdown with math, `@` references, quoted highlights).
import { displayName } from '@shared/papers/names';
import { useEffect, useState } from 'react';
import type { Paper } from '@shared/api/schemas';
import { useApi } from '../../../apiContext';
import { TexText } from '../../../components/TexText';
import { CellAbstract } from '../../annotations/CellAbstract';
import { PaperPicker } from '../PaperSuggest';
import { MarkdownEditor, MarkdownView } from './MarkdownCellView';
import type { CellViewProps } from './types';

type PaperData = { paperId: string; annotation: string };

function dataOf(data: unknown): PaperData {
  const d = (data ?? {}) as Partial<PaperData>;
  return {
    paperId: typeof d.paperId === 'string' ? d.paperId : '',
    annotation: typeof d.annotation === 'string' ? d.annotation : '',
  };
}

export function PaperCellView({ cell, onChange, openPaper }: CellViewProps) {
  const api = useApi();
  const d = dataOf(cell.data);
  const [answer, setAnswer] = useState<{ id: string; paper: Paper | null } | null>(null);
  const [picking, setPicking] = useState(false);
  const [editing, setEditing] = useState(d.annotation === '');

  useEffect(() => {
    if (!d.paperId) return;
    let live = true;
    api.call('library:get', { id: d.paperId }).then(
      (paper) => live && setAnswer({ id: d.paperId, paper }),
      () => live && setAnswer({ id: d.paperId, paper: null }),
    );
    return () => {
      live = false;
    };
  }, [api, d.paperId]);

  const set = (next: Partial<PaperData>) => onChange({ ...cell, data: { ...d, ...next } });

  if (!d.paperId || picking)
    return (
      <div className="nb-paper-pick">
        <PaperPicker
          autoFocus={picking}
          onPick={(p) => {
            setPicking(false);
            set({ paperId: p.id });
          }}
        />
        {picking && (
          <button type="button" className="button small" onClick={() => setPicking(false)}>
            Cancel
          </button>
        )}
      </div>
    );

  const paper = answer?.id === d.paperId ? answer.paper : undefined;
  return (
    <div className="nb-paper">
      <div className="nb-paper-card" data-testid="paper-card">
        {paper === undefined ? (
          <div className="muted">Loading…</div>
        ) : paper === null ? (
          <div className="muted">Paper {d.paperId} is not in this library.</div>
        ) : (
          <>
            <button
              type="button"
              className="link-button nb-paper-title"
              onClick={() => openPaper(paper.id)}
            >
              <TexText text={paper.title} />
            </button>
            <div className="nb-paper-meta">
              {[
                paper.authors.slice(0, 4).map(displayName).join(', ') +
                  (paper.authors.length > 4 ? ' et al.' : ''),
                paper.venue,
                paper.year,
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
            {paper.abstract && (
              <CellAbstract
                api={api}
                paper={paper}
                onQuote={(md) => {
                  const prev = d.annotation.replace(/\s+$/, '');
                  set({ annotation: prev ? `${prev}\n\n${md}` : md });
                }}
              />
            )}
          </>
        )}
        <button type="button" className="link-button small" onClick={() => setPicking(true)}>
          Change paper
        </button>
      </div>
      {editing ? (
        <MarkdownEditor
          value={d.annotation}
          rows={3}
          placeholder="Annotation: what matters in this paper (Markdown, $math$, @ to cite)"
          onChange={(v) => set({ annotation: v })}
          onDone={() => {
            if (d.annotation.trim() !== '') setEditing(false);
          }}
        />
      ) : (
        <MarkdownView
          source={d.annotation}
          openPaper={openPaper}
          onClick={() => setEditing(true)}
          testId="paper-annotation"
        />
      )}
    </div>
  );
}
