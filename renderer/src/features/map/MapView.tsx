// The Map view: the library's papers on a 2-D topic map (persisted per model, instant to reopen),
// coloured by cluster with labels at the centres and a legend; a "Compute map" job with progress and
// cancel; empty and stale states; hover shows a title, click opens the paper, and a lasso selects a
// region as a list of papers that can be opened, tagged, added to a notebook or opened as a filtered
// library list.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MapMethod, MapStatus } from '@shared/api/map-contract';
import { MapBanners, MapEmpty } from './MapBanners';
import { MapScatter } from './MapScatter';
import { MapSide } from './MapSide';
import { MapToolbar } from './MapToolbar';
import { colourByTag, type ColourMode } from './colouring';
import { useMapSearch } from './useMapSearch';
import { useTopicMap } from './useTopicMap';
import './map.css';

type Props = {
  version: number;
  dark: boolean;
  /** The paper pane for an opened paper (owned by the shell). */
  renderPane(id: string, close: () => void): ReactNode;
  /** Papers were edited here (tags): the shell refreshes what depends on them. */
  onPapersChanged(): void;
  /** Every map shown (computed, renamed, merged): the shell's cluster filters follow it. */
  onMapShown?(status: MapStatus | null): void;
  /** Opens the Library filtered to a cluster or to a set of papers. */
  onOpenInLibrary?(f: { cluster: string } | { ids: string[]; label: string }): void;
};

export function MapView(props: Props) {
  const { version, dark, renderPane, onPapersChanged, onMapShown, onOpenInLibrary } = props;
  const topic = useTopicMap(version);
  const { status, error, progress, running, compute, cancel, reload } = topic;
  const [colourMode, setColourMode] = useState<ColourMode>('cluster');
  const [query, setQuery] = useState('');
  const hits = useMapSearch(query, version);
  useEffect(() => {
    if (status) onMapShown?.(status);
  }, [status, onMapShown]);
  const [method, setMethod] = useState<MapMethod>('density');
  const [k, setK] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [lasso, setLasso] = useState(false);
  const [selection, setSelection] = useState<string[] | null>(null);
  const map = status?.map ?? null;

  const byTag = useMemo(() => (map ? colourByTag(map.points) : null), [map]);
  const colours = useMemo(
    () => (colourMode === 'tag' && byTag ? byTag.index : (map?.points.cluster ?? [])),
    [colourMode, byTag, map],
  );

  const run = () =>
    void compute({
      method,
      ...(method === 'kmeans' && /^\d+$/.test(k) ? { k: Number(k) } : {}),
    });

  return (
    <div className="map-page" data-testid="map-view">
      <MapToolbar
        hasMap={map !== null}
        canCompute={status !== null || error !== null}
        running={running}
        progress={progress}
        method={method}
        setMethod={setMethod}
        k={k}
        setK={setK}
        onCompute={run}
        onCancel={cancel}
        lasso={lasso}
        setLasso={setLasso}
        colourMode={colourMode}
        setColourMode={setColourMode}
        query={query}
        setQuery={setQuery}
        hits={hits}
      />
      <MapBanners status={status} error={error} />

      <div className="library-split">
        <div className="map-main">
          <MapEmpty status={status} />
          {map && map.points.ids.length > 0 && (
            <div className="map-body">
              <MapScatter
                map={map}
                dark={dark}
                lasso={lasso}
                colours={colours}
                highlight={hits.ids}
                onOpen={setOpenId}
                onLasso={setSelection}
              />
              <MapSide
                map={map}
                dark={dark}
                topic={topic}
                colourMode={colourMode}
                byTag={byTag}
                selection={selection}
                setSelection={setSelection}
                onOpen={setOpenId}
                onOpenInLibrary={onOpenInLibrary}
                onTagged={async () => {
                  onPapersChanged();
                  // The map carries each paper's tags (for colouring by tag): read them again.
                  await reload();
                }}
              />
            </div>
          )}
        </div>
        {openId && renderPane(openId, () => setOpenId(null))}
      </div>
    </div>
  );
}
