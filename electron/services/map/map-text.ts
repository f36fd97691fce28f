// What the map reads of a paper: its title and abstract (title only when there is none).
import type { Paper } from '@shared/api/schemas';

export function mapText(p: Pick<Paper, 'title' | 'abstract'> | undefined): string {
  if (!p) return '';
  return p.abstract ? `${p.title}. ${p.abstract}` : p.title;
}
