// The lasso selection beside the map: its count, open in library, tag them all, add to a notebook,
// and the list of titles (each opens its paper).
import { TexText } from '../../components/TexText';
import { SelectionToNotebook } from './SelectionToNotebook';
import { useTagSelection, type TagNote } from './useTagSelection';

type Props = {
  selection: string[];
  titles: ReadonlyMap<string, string>;
  /** Set by a tagging run; cleared by the parent when a new region is selected. */
  note: TagNote | null;
  setNote(note: TagNote): void;
  /** The tag typed for the selection (kept by the parent across selections). */
  tag: string;
  setTag(tag: string): void;
  onClear(): void;
  onOpen(id: string): void;
  onOpenInLibrary?(f: { ids: string[]; label: string }): void;
  /** Papers were tagged: the map (which carries tags) and the shell refresh. */
  onTagged(): Promise<void>;
};

export function MapSelection(props: Props) {
  const { selection, titles, note, tag, setTag, onOpenInLibrary } = props;
  const tagging = useTagSelection({ setNote: props.setNote, onTagged: props.onTagged });
  const tagSelection = () => {
    if (tag.trim()) void tagging.tag(selection, tag.trim());
  };

  return (
    <div className="map-selection" data-testid="map-selection">
      <div className="map-selection-head">
        <strong>{selection.length} selected</strong>
        <span className="map-selection-actions">
          {onOpenInLibrary && selection.length > 0 && (
            <button
              type="button"
              className="link-button"
              data-testid="map-selection-open"
              onClick={() => onOpenInLibrary({ ids: selection, label: 'Map selection' })}
            >
              Open in library
            </button>
          )}
          <button type="button" className="link-button" onClick={props.onClear}>
            Clear
          </button>
        </span>
      </div>
      <div className="map-tag-row">
        <input
          value={tag}
          placeholder="Tag the selection…"
          aria-label="Tag for the selected papers"
          onChange={(e) => setTag(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !tagging.busy) tagSelection();
          }}
          data-testid="map-tag-input"
        />
        <button
          type="button"
          className="button"
          onClick={tagSelection}
          disabled={tagging.busy || !tag.trim() || selection.length === 0}
          data-testid="map-tag-apply"
        >
          {tagging.busy ? 'Tagging…' : 'Tag'}
        </button>
      </div>
      {note && (
        <p className={`map-hint ${note.error ? 'map-error-note' : ''}`} data-testid="map-tag-note">
          {note.text}{' '}
          {note.undo && (
            <button
              type="button"
              className="link-button"
              disabled={tagging.busy}
              onClick={() => void tagging.undo(note.undo!)}
              data-testid="map-tag-undo"
            >
              Undo
            </button>
          )}
        </p>
      )}
      <SelectionToNotebook key={`${selection.length}:${selection[0] ?? ''}`} ids={selection} />
      <ul className="map-selection-list">
        {selection.slice(0, 500).map((id) => (
          <li key={id}>
            <button type="button" className="link-button" onClick={() => props.onOpen(id)}>
              <TexText text={titles.get(id) ?? ''} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
