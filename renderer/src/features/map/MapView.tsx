// The Map view: the library's papers on a 2-D topic map (persisted per model, instant to reopen),
// coloured by cluster with labels at the centres and a legend; a "Compute map" job with progress and
// cancel; empty and stale states; hover shows a title, click opens the paper, and a lasso selects a
// region as a list of papers that can be opened, tagged, added to a notebook or opened as a filtered
// library list.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MapMethod, MapStatus } from '../../../../shared/api/map-contract';
import { useApi } from '../../apiContext';
import { TexText } from '../../components/TexText';
import { MapScatter } from './MapScatter';
import { SelectionToNotebook } from './SelectionToNotebook';
import { colourByTag, type ColourMode } from './colouring';
import { LlmNameNote } from './LlmNameNote';
import { clusterColor } from './palette';
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

const PHASES: Record<string, string> = {
  vectors: 'Reading vectors',
  project: 'Projecting (UMAP)',
  cluster: 'Clustering',
  place: 'Placing papers',
  label: 'Labelling clusters',
  name: 'Naming clusters (LLM)',
};

export function MapView(props: Props) {
  const { version, dark, renderPane, onPapersChanged, onMapShown, onOpenInLibrary } = props;
  const api = useApi();
  const { status, error, progress, running, compute, nameClusters, cancel, rename, merge, reload } =
    useTopicMap(version);
  const [colourMode, setColourMode] = useState<ColourMode>('cluster');
  const [query, setQuery] = useState('');
  const hits = useMapSearch(query, version);
  // The cluster picked to be merged into the next one clicked in the legend.
  const [mergeFrom, setMergeFrom] = useState<string | null>(null);
  useEffect(() => {
    if (status) onMapShown?.(status);
  }, [status, onMapShown]);
  const [method, setMethod] = useState<MapMethod>('density');
  const [k, setK] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [lasso, setLasso] = useState(false);
  const [selection, setSelection] = useState<string[] | null>(null);
  const [tag, setTag] = useState('');
  const [note, setNote] = useState<string | null>(null);
  // The cluster whose name is being edited in the legend (window.prompt does not exist in Electron).
  const [editing, setEditing] = useState<string | null>(null);
  const map = status?.map ?? null;

  const titles = useMemo(
    () => new Map(map?.points.ids.map((id, i) => [id, map.points.titles[i]!]) ?? []),
    [map],
  );

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

  const tagSelection = async () => {
    if (!selection || !tag.trim()) return;
    const name = tag.trim();
    let done = 0;
    for (const id of selection) {
      const p = await api.call('library:get', { id });
      if (p.tags.includes(name)) continue;
      await api.call('library:update', { id, tags: [...p.tags, name] });
      done++;
    }
    setNote(`Tagged ${done} ${done === 1 ? 'paper' : 'papers'} “${name}”.`);
    onPapersChanged();
    // The map carries each paper's tags (for colouring by tag): read them again.
    await reload();
  };

  const pct =
    progress && progress.total ? Math.round((100 * progress.done) / progress.total) : null;

  return (
    <div className="map-page" data-testid="map-view">
      <div className="map-toolbar">
        <h1>Map</h1>
        <label>
          <span>Method</span>
          <select
            value={method}
            onChange={(e) => setMethod(e.target.value as MapMethod)}
            data-testid="map-method"
            disabled={running}
          >
            <option value="density">Density (automatic)</option>
            <option value="kmeans">k-means</option>
          </select>
        </label>
        {method === 'kmeans' && (
          <label>
            <span>Clusters</span>
            <input
              className="map-k"
              value={k}
              placeholder="auto"
              inputMode="numeric"
              onChange={(e) => setK(e.target.value)}
              data-testid="map-k"
              disabled={running}
            />
          </label>
        )}
        {running ? (
          <button type="button" className="button" onClick={cancel} data-testid="map-cancel">
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            onClick={run}
            data-testid="map-compute"
            disabled={!status && !error}
          >
            {map ? 'Re-layout' : 'Compute map'}
          </button>
        )}
        {map && (
          <button
            type="button"
            className={`button ${lasso ? 'primary' : ''}`}
            aria-pressed={lasso}
            onClick={() => setLasso((v) => !v)}
            data-testid="map-lasso-toggle"
          >
            Lasso
          </button>
        )}
        {map && (
          <div className="segmented" role="group" aria-label="Colour the map by">
            {(['cluster', 'tag'] as const).map((m) => (
              <button
                key={m}
                type="button"
                className={colourMode === m ? 'active' : ''}
                aria-pressed={colourMode === m}
                data-testid={`map-colour-${m}`}
                onClick={() => setColourMode(m)}
              >
                {m === 'cluster' ? 'Clusters' : 'Tags'}
              </button>
            ))}
          </div>
        )}
        {map && (
          <input
            type="search"
            className="map-search"
            placeholder="Highlight papers matching…"
            aria-label="Highlight search hits on the map"
            data-testid="map-search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        )}
        {hits.ids && (
          <span className="map-progress" data-testid="map-search-count" aria-live="polite">
            {hits.ids.size} {hits.ids.size === 1 ? 'hit' : 'hits'}
            {hits.capped ? ' (the best)' : ''}
          </span>
        )}
        {hits.error && <span className="map-progress">{hits.error}</span>}
        {running && (
          <span className="map-progress" data-testid="map-progress" aria-live="polite">
            {PHASES[progress?.phase ?? ''] ?? progress?.phase ?? 'Working'}
            {pct !== null ? ` ${pct} %` : '…'}
          </span>
        )}
      </div>

      {error && (
        <div className="banner banner-error" role="alert" data-testid="map-error">
          {error}
        </div>
      )}
      {status?.state === 'stale' && status.stale?.otherModel && (
        <div className="banner" role="status" data-testid="map-stale">
          The saved map was made with {status.stale.otherModel}; the active model is{' '}
          {status.activeModel}. Compute the map again to see it with the active model.
        </div>
      )}
      {status?.state === 'stale' && map && (
        <div className="banner" role="status" data-testid="map-stale">
          {status.stale!.papersAdded > 0 &&
            `${status.stale!.papersAdded} papers added since this layout are placed near their nearest neighbours. `}
          {status.stale!.papersRemoved > 0 &&
            `${status.stale!.papersRemoved} papers deleted since are left out. `}
          Re-layout to include them fully.
        </div>
      )}
      {status && status.notEmbedded > 0 && (
        <p className="map-hint" data-testid="map-not-embedded">
          {status.notEmbedded} papers have no vector for {status.activeModel} yet and are not on the
          map.
        </p>
      )}

      <div className="library-split">
        <div className="map-main">
          {status && !map && !status.stale?.otherModel && (
            <div className="map-empty" data-testid="map-empty">
              <h2>No map yet</h2>
              <p>
                Compute a map to see your library's topics: papers close together say similar
                things, and each cluster is labelled with its distinctive key phrases.
              </p>
            </div>
          )}
          {map && map.points.ids.length === 0 && (
            <div className="map-empty" data-testid="map-empty">
              <h2>The library is empty</h2>
              <p>Import papers, then compute the map.</p>
            </div>
          )}
          {map && map.points.ids.length > 0 && (
            <div className="map-body">
              <MapScatter
                map={map}
                dark={dark}
                lasso={lasso}
                colours={colours}
                highlight={hits.ids}
                onOpen={setOpenId}
                onLasso={(ids) => {
                  setSelection(ids);
                  setNote(null);
                }}
              />
              <aside className="map-side">
                {mergeFrom && (
                  <p className="map-hint map-merge-hint" data-testid="map-merge-hint">
                    Click the merge button of the cluster to merge “
                    {map.clusters.find((c) => c.id === mergeFrom)?.label}” into.{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setMergeFrom(null)}
                    >
                      Cancel
                    </button>
                  </p>
                )}
                {colourMode === 'tag' && byTag && (
                  <ul className="map-legend" data-testid="map-tag-legend">
                    {byTag.tags.map((t, i) => (
                      <li key={t.tag} data-tag={t.tag}>
                        <span className="swatch" style={{ background: clusterColor(i, dark) }} />
                        <span className="map-legend-label">{t.tag}</span>
                        <span className="count">{t.count}</span>
                      </li>
                    ))}
                    <li data-tag="">
                      <span className="swatch" style={{ background: clusterColor(-1, dark) }} />
                      <span className="map-legend-label">
                        {byTag.tags.length ? 'Other tags or untagged' : 'No paper is tagged'}
                      </span>
                      <span className="count">{byTag.other}</span>
                    </li>
                  </ul>
                )}
                {colourMode === 'cluster' && map.clusters.length > 0 && (
                  <div className="map-legend-actions">
                    <button
                      type="button"
                      className="button"
                      disabled={running}
                      title="Ask the LLM set up for tagging (Settings) for a short name per cluster, from its key phrases and three central papers. Your own names are kept."
                      data-testid="map-name-llm"
                      onClick={() => void nameClusters()}
                    >
                      Name with LLM
                    </button>
                  </div>
                )}
                <ul
                  className="map-legend"
                  data-testid="map-legend"
                  hidden={colourMode !== 'cluster'}
                >
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
                              void rename(c.id, e.currentTarget.value);
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
                      {map.clusters.length > 1 && (
                        <button
                          type="button"
                          className={`map-legend-open ${mergeFrom === c.id ? 'active' : ''}`}
                          title={
                            mergeFrom && mergeFrom !== c.id
                              ? 'Merge the picked cluster into this one'
                              : 'Merge this cluster into another'
                          }
                          aria-label={
                            mergeFrom && mergeFrom !== c.id
                              ? `Merge into ${c.label}`
                              : `Merge ${c.label} into another cluster`
                          }
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
                      )}
                      {onOpenInLibrary && (
                        <button
                          type="button"
                          className="map-legend-open"
                          title="Open this cluster in the library"
                          aria-label={`Open cluster ${c.label} in the library`}
                          data-testid="map-open-cluster"
                          onClick={() => onOpenInLibrary({ cluster: c.id })}
                        >
                          ↗
                        </button>
                      )}
                      <LlmNameNote cluster={c} onAccept={(name) => void rename(c.id, name)} />
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
                {selection && (
                  <div className="map-selection" data-testid="map-selection">
                    <div className="map-selection-head">
                      <strong>{selection.length} selected</strong>
                      <span className="map-selection-actions">
                        {onOpenInLibrary && selection.length > 0 && (
                          <button
                            type="button"
                            className="link-button"
                            data-testid="map-selection-open"
                            onClick={() =>
                              onOpenInLibrary({ ids: selection, label: 'Map selection' })
                            }
                          >
                            Open in library
                          </button>
                        )}
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setSelection(null)}
                        >
                          Clear
                        </button>
                      </span>
                    </div>
                    <div className="map-tag-row">
                      <input
                        value={tag}
                        placeholder="Tag the selection…"
                        onChange={(e) => setTag(e.target.value)}
                        data-testid="map-tag-input"
                      />
                      <button
                        type="button"
                        className="button"
                        onClick={() => void tagSelection()}
                        disabled={!tag.trim() || selection.length === 0}
                        data-testid="map-tag-apply"
                      >
                        Tag
                      </button>
                    </div>
                    {note && (
                      <p className="map-hint" data-testid="map-tag-note">
                        {note}
                      </p>
                    )}
                    <SelectionToNotebook
                      key={`${selection.length}:${selection[0] ?? ''}`}
                      ids={selection}
                    />
                    <ul className="map-selection-list">
                      {selection.slice(0, 500).map((id) => (
                        <li key={id}>
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => setOpenId(id)}
                          >
                            <TexText text={titles.get(id) ?? ''} />
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </aside>
            </div>
          )}
        </div>
        {openId && renderPane(openId, () => setOpenId(null))}
      </div>
    </div>
  );
}
