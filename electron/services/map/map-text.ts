// What the map reads of a paper: its title and abstract (title only when there is none).
import type { Paper } from '@shared/api/schemas';
import type { PaperReader } from '../library/paper-head';

export function mapText(p: Pick<Paper, 'title' | 'abstract'> | undefined): string {
  if (!p) return '';
  return p.abstract ? `${p.title}. ${p.abstract}` : p.title;
}

/** What the map reads of these papers, in their order ('' for a paper gone since), from the table. */
export async function mapTexts(
  papers: Pick<PaperReader, 'read'>,
  ids: readonly string[],
): Promise<string[]> {
  const whole = new Map((await papers.read(ids)).map((p) => [p.id, p]));
  return ids.map((id) => mapText(whole.get(id)));
}
