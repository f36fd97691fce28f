// The cluster legend: swatch, name (double-click renames), size, merge and open-in-library buttons,
// and the LLM's proposed name; merging is two clicks (the cluster to merge, then the one to keep).
import { useState } from 'react';
import type { MapCluster, TopicMap } from '@shared/api/map-contract';
import { LlmNameNote } from './LlmNameNote';
import { clusterColor } from './palette';

type Props = {
  map: TopicMap;
  dark: boolean;
  hidden: boolean;
  mergeFrom: string | null;
  setMergeFrom(id: string | null): void;
  rename(id: string, label: string): Promise<void>;
  merge(into: string, from: string): Promise<void>;
  onOpenInLibrary?(f: { cluster: string }): void;
};

export function ClusterLegend(props: Props) {
  const { map, dark, hidden } = props;
  // The cluster whose name is being edited (window.prompt does not exist in Electron).
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <ul className="map-legend" data-testid="map-legend" hidden={hidden}>
      {map.clusters.map((c, i) => (
        <li key={c.id} data-cluster={c.id}>
          <span className="swatch" style={{ background: clusterColor(i, dark) }} />
          {editing === c.id ? (
            <input
              className="map-legend-input"
              defaultValue={c.label}
              autoFocus
              aria-label={`Name of cluster ${c.label}`}
              data-testid="map-rename-input"
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  void props.rename(c.id, e.currentTarget.value);
                  setEditing(null);
                } else if (e.key === 'Escape') setEditing(null);
              }}
              onBlur={() => setEditing(null)}
            />
          ) : (
            <span
              className="map-legend-label"
              title={`${c.keywords.join(' · ')} — double-click to rename (empty restores the automatic label)`}
              onDoubleClick={() => setEditing(c.id)}
            >
              {c.label}
            </span>
          )}
          <span className="count">{c.size}</span>
          {map.clusters.length > 1 && <MergeButton cluster={c} {...props} />}
          {props.onOpenInLibrary && (
            <button
              type="button"
              className="map-legend-open"
              title="Open this cluster in the library"
              aria-label={`Open cluster ${c.label} in the library`}
              data-testid="map-open-cluster"
              onClick={() => props.onOpenInLibrary?.({ cluster: c.id })}
            >
              ↗
            </button>
          )}
          <LlmNameNote cluster={c} onAccept={(name) => void props.rename(c.id, name)} />
        </li>
      ))}
      {map.unassigned > 0 && (
        <li data-cluster="unassigned">
          <span className="swatch" style={{ background: clusterColor(-1, dark) }} />
          <span className="map-legend-label">Unassigned</span>
          <span className="count">{map.unassigned}</span>
        </li>
      )}
    </ul>
  );
}

function MergeButton({
  cluster: c,
  mergeFrom,
  setMergeFrom,
  merge,
}: Props & { cluster: MapCluster }) {
  const into = mergeFrom !== null && mergeFrom !== c.id;
  return (
    <button
      type="button"
      className={`map-legend-open ${mergeFrom === c.id ? 'active' : ''}`}
      title={into ? 'Merge the picked cluster into this one' : 'Merge this cluster into another'}
      aria-label={into ? `Merge into ${c.label}` : `Merge ${c.label} into another cluster`}
      aria-pressed={mergeFrom === c.id}
      data-testid="map-merge"
      onClick={() => {
        if (!mergeFrom) setMergeFrom(c.id);
        else if (mergeFrom === c.id) setMergeFrom(null);
        else {
          void merge(c.id, mergeFrom);
          setMergeFrom(null);
        }
      }}
    >
      ⊕
    </button>
  );
}
