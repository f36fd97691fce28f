// The graph cell's results beside the drawing: the metrics summary table and the legend of its
// communities (or map clusters), each named by its key terms. Library drawings saved before key
// terms were stored are named from their titles.
import { useMemo, type ReactElement } from 'react';
import {
  communityLegend,
  communityTerms,
  titleTexts,
} from '@shared/notebook/cells/graph-communities';
import type { GraphDrawing } from '@shared/notebook/cells/graph';
import { communityColor } from './layout';

const fmtValue = (v: unknown): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
};

/** Legend entries shown; the rest are counted. */
const MAX_LEGEND = 24;

export function GraphResults(props: {
  summary: { rows: unknown[][] };
  drawing: GraphDrawing | null;
}): ReactElement {
  return (
    <div className="graph-results">
      <table className="graph-metrics" data-testid="graph-metrics">
        <tbody>
          {props.summary.rows.map((r) => (
            <tr key={String(r[0])} data-metric={String(r[0])}>
              <th scope="row">{String(r[0])}</th>
              <td>{fmtValue(r[1])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CommunityLegend drawing={props.drawing} />
    </div>
  );
}

function CommunityLegend({ drawing }: { drawing: GraphDrawing | null }): ReactElement {
  const communities = useMemo(() => {
    if (!drawing) return [];
    const terms =
      drawing.communityTerms ??
      (drawing.nodes.some((n) => n.paper) ? communityTerms(drawing, titleTexts(drawing)) : []);
    return communityLegend(drawing, terms);
  }, [drawing]);
  const one = communities.length === 1;
  const noun = drawing?.groups
    ? one
      ? 'map cluster'
      : 'map clusters'
    : one
      ? 'community'
      : 'communities';
  return (
    <div
      className="graph-communities"
      data-testid="graph-communities"
      data-count={communities.length}
    >
      <div className="graph-communities-title">
        {communities.length} {noun}
      </div>
      <ul>
        {communities.slice(0, MAX_LEGEND).map((c) => (
          <li key={c.group} data-group={c.group} data-named={c.named} data-testid="graph-community">
            <span className="graph-swatch" style={{ background: communityColor(c.group) }} />
            <span className="graph-community-name" title={c.name}>
              {c.name}
            </span>
            <span className="graph-community-size">
              {' · '}
              {c.size} {c.size === 1 ? 'node' : 'nodes'}
            </span>
          </li>
        ))}
        {communities.length > MAX_LEGEND && <li>… {communities.length - MAX_LEGEND} more</li>}
      </ul>
    </div>
  );
}
