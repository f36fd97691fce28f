// The Map view's toolbar: method and k, Compute/Re-layout or Cancel, lasso, colouring, search, progress.
import type { Dispatch, SetStateAction } from 'react';
import type { Progress } from '@shared/api/contract';
import type { MapMethod } from '@shared/api/map-contract';
import type { ColourMode } from './colouring';
import type { MapHits } from './useMapSearch';

const PHASES: Record<string, string> = {
  vectors: 'Reading vectors',
  project: 'Projecting (UMAP)',
  cluster: 'Clustering',
  place: 'Placing papers',
  label: 'Labelling clusters',
  name: 'Naming clusters (LLM)',
};

type Props = {
  hasMap: boolean;
  canCompute: boolean;
  running: boolean;
  progress: Progress | null;
  method: MapMethod;
  setMethod(m: MapMethod): void;
  k: string;
  setK(k: string): void;
  onCompute(): void;
  onCancel(): void;
  lasso: boolean;
  setLasso: Dispatch<SetStateAction<boolean>>;
  colourMode: ColourMode;
  setColourMode(m: ColourMode): void;
  query: string;
  setQuery(q: string): void;
  hits: MapHits;
};

export function MapToolbar(p: Props) {
  const pct =
    p.progress && p.progress.total ? Math.round((100 * p.progress.done) / p.progress.total) : null;
  return (
    <div className="map-toolbar">
      <h1>Map</h1>
      <MethodFields {...p} />
      {p.running ? (
        <button type="button" className="button" onClick={p.onCancel} data-testid="map-cancel">
          Cancel
        </button>
      ) : (
        <button
          type="button"
          className="button primary"
          onClick={p.onCompute}
          data-testid="map-compute"
          disabled={!p.canCompute}
        >
          {p.hasMap ? 'Re-layout' : 'Compute map'}
        </button>
      )}
      {p.hasMap && <MapControls {...p} />}
      {p.hits.ids && (
        <span className="map-progress" data-testid="map-search-count" aria-live="polite">
          {p.hits.ids.size} {p.hits.ids.size === 1 ? 'hit' : 'hits'}
          {p.hits.capped ? ' (the best)' : ''}
        </span>
      )}
      {p.hits.error && <span className="map-progress">{p.hits.error}</span>}
      {p.running && (
        <span className="map-progress" data-testid="map-progress" aria-live="polite">
          {PHASES[p.progress?.phase ?? ''] ?? p.progress?.phase ?? 'Working'}
          {pct !== null ? ` ${pct} %` : '…'}
        </span>
      )}
    </div>
  );
}

function MethodFields(p: Props) {
  return (
    <>
      <label>
        <span>Method</span>
        <select
          value={p.method}
          onChange={(e) => p.setMethod(e.target.value as MapMethod)}
          data-testid="map-method"
          disabled={p.running}
        >
          <option value="density">Density (automatic)</option>
          <option value="kmeans">k-means</option>
        </select>
      </label>
      {p.method === 'kmeans' && (
        <label>
          <span>Clusters</span>
          <input
            className="map-k"
            value={p.k}
            placeholder="auto"
            inputMode="numeric"
            onChange={(e) => p.setK(e.target.value)}
            data-testid="map-k"
            disabled={p.running}
          />
        </label>
      )}
    </>
  );
}

/** The controls that act on a map already shown: lasso, colouring, highlight search. */
function MapControls(p: Props) {
  return (
    <>
      <button
        type="button"
        className={`button ${p.lasso ? 'primary' : ''}`}
        aria-pressed={p.lasso}
        onClick={() => p.setLasso((v) => !v)}
        data-testid="map-lasso-toggle"
      >
        Lasso
      </button>
      <div className="segmented" role="group" aria-label="Colour the map by">
        {(['cluster', 'tag'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className={p.colourMode === m ? 'active' : ''}
            aria-pressed={p.colourMode === m}
            data-testid={`map-colour-${m}`}
            onClick={() => p.setColourMode(m)}
          >
            {m === 'cluster' ? 'Clusters' : 'Tags'}
          </button>
        ))}
      </div>
      <input
        type="search"
        className="map-search"
        placeholder="Highlight papers matching…"
        aria-label="Highlight search hits on the map"
        data-testid="map-search"
        value={p.query}
        onChange={(e) => p.setQuery(e.target.value)}
      />
    </>
  );
}
