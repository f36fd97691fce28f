// The Tags view: the review queue of suggestions and the tag vocabulary, as two tabs.
import { useState } from 'react';
import { ReviewQueue, type Undoable } from './ReviewQueue';
import { VocabularyPanel } from './VocabularyPanel';
import type { Vocabulary } from './useVocabulary';
import './tagging.css';

export type TaggingTab = 'review' | 'vocabulary';

/** What the palette asks of the view: show a tab, and maybe start a run or a new tag. */
export type TaggingRequest = { tab: TaggingTab; action?: 'run' | 'new'; nonce: number };

type Props = {
  active: boolean;
  version: number;
  /** Owned by the shell, which also offers its tags as "suggested: X" filters. */
  vocabulary: Vocabulary;
  request?: TaggingRequest | null;
  onChanged(): void;
  onOpenPaper(id: string): void;
  onUndoable(u: Undoable): void;
};

export function TaggingView(props: Props) {
  const { active, version, vocabulary, request, onChanged, onOpenPaper, onUndoable } = props;
  const [tab, setTab] = useState<TaggingTab>(request?.tab ?? 'review');
  const [runNonce, setRunNonce] = useState(0);
  const [newNonce, setNewNonce] = useState(0);

  // A new request from the palette adjusts the tab during render (no effect, no extra pass).
  const [seen, setSeen] = useState(0);
  if (request && request.nonce !== seen) {
    setSeen(request.nonce);
    setTab(request.tab);
    if (request.action === 'run') setRunNonce(request.nonce);
    if (request.action === 'new') setNewNonce(request.nonce);
  }

  const pending = (vocabulary.tags ?? []).reduce((n, t) => n + t.pendingCount, 0);

  return (
    <div className="tagging-view" data-testid="tagging-view">
      <div className="tagging-head">
        <h1>Tags</h1>
        <div className="segmented" role="tablist" aria-label="Tags">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'review'}
            className={tab === 'review' ? 'active' : ''}
            data-testid="tab-review"
            onClick={() => setTab('review')}
          >
            Review{pending > 0 ? ` (${pending.toLocaleString()})` : ''}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'vocabulary'}
            className={tab === 'vocabulary' ? 'active' : ''}
            data-testid="tab-vocabulary"
            onClick={() => setTab('vocabulary')}
          >
            Vocabulary{vocabulary.tags ? ` (${vocabulary.tags.length})` : ''}
          </button>
        </div>
      </div>
      {/* Both stay mounted, so the queue keeps its place and a request is not replayed. */}
      <div className="tagging-tab" hidden={tab !== 'review'}>
        <ReviewQueue
          active={active && tab === 'review'}
          vocabulary={vocabulary.tags}
          version={version}
          onChanged={onChanged}
          onOpenPaper={onOpenPaper}
          onUndoable={onUndoable}
          onManageTags={() => {
            setTab('vocabulary');
            setNewNonce((n) => n + 1);
          }}
          runNonce={runNonce}
        />
      </div>
      <div className="tagging-tab" hidden={tab !== 'vocabulary'}>
        <VocabularyPanel
          active={active && tab === 'vocabulary'}
          vocabulary={vocabulary}
          onChanged={onChanged}
          onUndoable={onUndoable}
          newNonce={newNonce}
        />
      </div>
    </div>
  );
}
