// The legend when the map is coloured by tag: each coloured tag with its count, then the rest.
import { clusterColor } from './palette';
import type { TagColouring } from './colouring';

export function TagLegend({ byTag, dark }: { byTag: TagColouring; dark: boolean }) {
  return (
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
  );
}
