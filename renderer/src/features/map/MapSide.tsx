// The panel beside the map: merge hint, the legend for the colouring in use, "Name with LLM", and the
// lasso selection.
import { useMemo, useState } from 'react';
import type { TopicMap } from '@shared/api/map-contract';
import { ClusterLegend } from './ClusterLegend';
import type { ColourMode, TagColouring } from './colouring';
import { MapSelection } from './MapSelection';
import { TagLegend } from './TagLegend';
import type { TagNote } from './useTagSelection';
import type { useTopicMap } from './useTopicMap';

type Props = {
  map: TopicMap;
  dark: boolean;
  topic: ReturnType<typeof useTopicMap>;
  colourMode: ColourMode;
  byTag: TagColouring | null;
  selection: string[] | null;
  setSelection(ids: string[] | null): void;
  onOpen(id: string): void;
  onOpenInLibrary?(f: { cluster: string } | { ids: string[]; label: string }): void;
  onTagged(): Promise<void>;
};

export function MapSide(props: Props) {
  const { map, dark, topic, colourMode, byTag, selection } = props;
  // The cluster picked to be merged into the next one clicked in the legend.
  const [mergeFrom, setMergeFrom] = useState<string | null>(null);
  const [tag, setTag] = useState('');
  // A tagging note belongs to the selection it was made for: a new lasso hides it.
  const [note, setNote] = useState<{ note: TagNote; for: string[] } | null>(null);
  const titles = useMemo(
    () => new Map(map.points.ids.map((id, i) => [id, map.points.titles[i]!])),
    [map],
  );

  return (
    <aside className="map-side">
      {mergeFrom && (
        <p className="map-hint map-merge-hint" data-testid="map-merge-hint">
          Click the merge button of the cluster to merge “
          {map.clusters.find((c) => c.id === mergeFrom)?.label}” into.{' '}
          <button type="button" className="link-button" onClick={() => setMergeFrom(null)}>
            Cancel
          </button>
        </p>
      )}
      {colourMode === 'tag' && byTag && <TagLegend byTag={byTag} dark={dark} />}
      {colourMode === 'cluster' && map.clusters.length > 0 && (
        <div className="map-legend-actions">
          <button
            type="button"
            className="button"
            disabled={topic.running}
            title="Ask the LLM set up for tagging (Settings) for a short name per cluster, from its key phrases and three central papers. Your own names are kept."
            data-testid="map-name-llm"
            onClick={() => void topic.nameClusters()}
          >
            Name with LLM
          </button>
        </div>
      )}
      <ClusterLegend
        map={map}
        dark={dark}
        hidden={colourMode !== 'cluster'}
        mergeFrom={mergeFrom}
        setMergeFrom={setMergeFrom}
        rename={topic.rename}
        merge={topic.merge}
        onOpenInLibrary={props.onOpenInLibrary}
      />
      {selection && (
        <MapSelection
          selection={selection}
          titles={titles}
          note={note && note.for === selection ? note.note : null}
          setNote={(n) => setNote({ note: n, for: selection })}
          tag={tag}
          setTag={setTag}
          onClear={() => props.setSelection(null)}
          onOpen={props.onOpen}
          onOpenInLibrary={props.onOpenInLibrary}
          onTagged={props.onTagged}
        />
      )}
    </aside>
  );
}
