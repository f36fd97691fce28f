// The highlights' trash: removed highlights, and those of deleted papers, wait there under an undo
// token (the last TRASH_DEPTH entries) until undo puts them back.
import type { StoredAnnotation } from '@shared/annotations/types';
import { TRASH_DEPTH, type AnnotationState } from './annotation-store';
import { ensureKinds } from './kinds';

/** Why highlights went to the trash: removed by hand, or with their deleted paper. */
export type TrashReason = 'remove' | 'paper-delete';

/** Moves highlights (chosen by `pick`) to a trash entry; returns how many moved. */
export function moveToTrash(
  s: AnnotationState,
  token: string,
  reason: TrashReason,
  pick: (a: StoredAnnotation) => boolean,
): number {
  const moved = s.annotations.filter(pick);
  if (moved.length === 0) return 0;
  s.annotations = s.annotations.filter((a) => !pick(a));
  s.trash.push({ token, at: new Date().toISOString(), reason, annotations: moved });
  while (s.trash.length > TRASH_DEPTH) s.trash.shift();
  return moved.length;
}

/** Puts a trash entry's highlights back (those not already present); null when the token is unknown. */
export function restoreFromTrash(
  s: AnnotationState,
  token: string,
  reason: TrashReason,
): number | null {
  const i = s.trash.findIndex((t) => t.token === token && t.reason === reason);
  if (i < 0) return null;
  const [entry] = s.trash.splice(i, 1);
  const have = new Set(s.annotations.map((a) => a.id));
  const back = entry!.annotations.filter((a) => !have.has(a.id));
  s.annotations.push(...back);
  ensureKinds(s, back);
  return back.length;
}
