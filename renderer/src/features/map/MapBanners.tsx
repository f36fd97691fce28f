// The notices above the map: an error, a map made with another model, papers added or deleted since
// the layout, papers with no vector yet.
import type { MapStatus } from '@shared/api/map-contract';

export function MapBanners({ status, error }: { status: MapStatus | null; error: string | null }) {
  const map = status?.map ?? null;
  return (
    <>
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
    </>
  );
}

/** What the map area shows when there is nothing to draw. */
export function MapEmpty({ status }: { status: MapStatus | null }) {
  const map = status?.map ?? null;
  if (status && !map && !status.stale?.otherModel)
    return (
      <div className="map-empty" data-testid="map-empty">
        <h2>No map yet</h2>
        <p>
          Compute a map to see your library's topics: papers close together say similar things, and
          each cluster is labelled with its distinctive key phrases.
        </p>
      </div>
    );
  if (map && map.points.ids.length === 0)
    return (
      <div className="map-empty" data-testid="map-empty">
        <h2>The library is empty</h2>
        <p>Import papers, then compute the map.</p>
      </div>
    );
  return null;
}
