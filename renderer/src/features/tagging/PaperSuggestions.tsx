// A paper's pending tag suggestions in the paper pane: score, evidence, Accept / Reject.
import { useEffect, useState } from 'react';
import type { Suggestion } from '@shared/api/tagging-contract';
import { useApi } from '../../apiContext';
import { EvidenceView } from './EvidenceView';
import { TagChip } from './TagChip';
import './tagging.css';
import { errorMessage } from '@shared/api/errors';
import { TAGGER_LABELS, formatScore } from './format';
import { colorMap } from './useVocabulary';

type Props = {
  paperId: string;
  /** Bumps when the paper or the library changed elsewhere. */
  version?: number;
  /** After an accept (the paper now carries the tag) or a reject. */
  onDecided(decision: 'accepted' | 'rejected'): void;
};

export function PaperSuggestions({ paperId, version, onDecided }: Props) {
  const api = useApi();
  const [items, setItems] = useState<{ paperId: string; list: Suggestion[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [colors, setColors] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    let live = true;
    api.call('tagging:list', { paperId, decision: 'pending', sort: 'score', limit: 50 }).then(
      (page) => {
        if (!live) return;
        setItems({ paperId, list: page.items });
        setError(null);
        // Colours only matter when there is something to show.
        if (page.items.length > 0)
          api.call('tags:list', {}).then(
            (tags) => live && setColors(colorMap(tags)),
            () => {},
          );
      },
      // Tagging is optional for a paper: with no service behind it the pane shows nothing.
      () => live && setItems({ paperId, list: [] }),
    );
    return () => {
      live = false;
    };
  }, [api, paperId, version]);

  const list = items?.paperId === paperId ? items.list : [];
  if (list.length === 0 && !error) return null;

  const decide = async (s: Suggestion, decision: 'accepted' | 'rejected') => {
    setBusy(s.id);
    try {
      await api.call('tagging:decide', { ids: [s.id], decision });
      setItems((cur) => (cur ? { ...cur, list: cur.list.filter((x) => x.id !== s.id) } : cur));
      setError(null);
      onDecided(decision);
    } catch (err) {
      setError(
        `Could not ${decision === 'accepted' ? 'accept' : 'reject'} “${s.tag}”: ${errorMessage(err)}`,
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="paper-suggestions" data-testid="paper-suggestions">
      <div className="section-head">
        <span>Suggested tags</span>
      </div>
      <ul>
        {list.map((s) => (
          <li
            key={s.id}
            className="paper-suggestion"
            data-testid="paper-suggestion"
            data-tag={s.tag}
          >
            <div className="paper-suggestion-head">
              <TagChip name={s.tag} color={colors.get(s.tag)} />
              <span className="detail-score" title={`${TAGGER_LABELS[s.tagger]} · ${s.model}`}>
                {formatScore(s.score)} · {TAGGER_LABELS[s.tagger]}
              </span>
              <span className="paper-suggestion-actions">
                <button
                  type="button"
                  className="button small primary"
                  data-testid="suggestion-accept"
                  aria-label={`Accept tag ${s.tag}`}
                  disabled={busy !== null}
                  onClick={() => void decide(s, 'accepted')}
                >
                  Accept
                </button>
                <button
                  type="button"
                  className="button small"
                  data-testid="suggestion-reject"
                  aria-label={`Reject tag ${s.tag}`}
                  disabled={busy !== null}
                  onClick={() => void decide(s, 'rejected')}
                >
                  Reject
                </button>
              </span>
            </div>
            <details className="paper-suggestion-why">
              <summary>
                <EvidenceView evidence={s.evidence} compact />
                {!Object.keys(s.evidence).length && 'Why?'}
              </summary>
              <EvidenceView evidence={s.evidence} />
            </details>
          </li>
        ))}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
