// The paper pane's details line: venue, year, then volume, issue, edition and pages when the source gave them.
import type { Paper } from '@shared/api/schemas';

type Meta = Pick<Paper, 'venue' | 'year' | 'volume' | 'issue' | 'edition' | 'pages'>;

/** "2" → "2nd ed."; "2nd" and "Second edition" are kept as written, with "ed." added when missing. */
function edition(raw: string): string {
  const n = /^\d+$/.test(raw) ? Number(raw) : null;
  if (n === null) return /\bed(\.|ition)?$/i.test(raw) ? raw : `${raw} ed.`;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix} ed.`;
}

/** "Sports Medicine · 1990 · vol. 9, no. 6 · pp. 380-389"; '' when there is nothing to show. */
export function paperMeta(p: Meta): string {
  const volume = [p.volume && `vol. ${p.volume}`, p.issue && `no. ${p.issue}`]
    .filter(Boolean)
    .join(', ');
  const pages = p.pages && (/[-–—,]/.test(p.pages) ? `pp. ${p.pages}` : `p. ${p.pages}`);
  return [p.venue, p.year?.toString(), volume, p.edition && edition(p.edition), pages]
    .filter(Boolean)
    .join(' · ');
}
