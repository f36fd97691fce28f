// The list of highlight kinds: checks on a kind named by a caller, on a new list replacing the old,
// and the kinds that restored or imported highlights bring with them.
import { QuireError } from '@shared/api/errors';
import type { AnnotationKind, StoredAnnotation } from '@shared/annotations/types';
import type { AnnotationState } from './annotation-store';
import { collator, fold } from './fold';

/** Colour of a kind an import creates from another tool's tag. */
const IMPORTED_KIND_COLOR = '#9e9e9e';

/** Throws a clear message when `kind` is not in the list. */
export function checkKind(kinds: AnnotationKind[], kind: string): void {
  if (!kinds.some((k) => k.id === kind))
    throw new QuireError(
      'invalid_input',
      `Unknown highlight kind "${kind}"; the kinds are: ${kinds.map((k) => k.id).join(', ')}.`,
    );
}

/** The ids of a new kinds list; throws when one is listed twice. */
export function distinctKindIds(kinds: AnnotationKind[]): Set<string> {
  const seen = new Set<string>();
  for (const k of kinds) {
    if (seen.has(k.id))
      throw new QuireError('invalid_input', `The kind "${k.id}" is listed twice.`);
    seen.add(k.id);
  }
  return seen;
}

/** Throws when a kind that highlights still use would leave the list (only ids in `keep` stay). */
export function checkKindsInUse(s: AnnotationState, keep: ReadonlySet<string>): void {
  const used = new Map<string, number>();
  for (const a of s.annotations) used.set(a.kind, (used.get(a.kind) ?? 0) + 1);
  for (const [kind, n] of used)
    if (!keep.has(kind) && s.kinds.some((k) => k.id === kind))
      throw new QuireError(
        'invalid_input',
        `The kind "${kind}" is used by ${n} highlight${n === 1 ? '' : 's'}; give ${n === 1 ? 'it' : 'them'} another kind before removing it.`,
      );
}

/** Restored highlights whose kind was removed from the list meanwhile bring it back (grey). */
export function ensureKinds(s: AnnotationState, back: StoredAnnotation[]): void {
  for (const a of back)
    if (!s.kinds.some((k) => k.id === a.kind))
      s.kinds.push({ id: a.kind, label: a.kind, color: IMPORTED_KIND_COLOR });
}

/** The kind of an imported annotation: a tag naming a kind (id or label), else a new kind, else the first. */
export function kindFor(s: AnnotationState, tags: string[]): string {
  for (const t of tags) {
    const k = s.kinds.find((x) => x.id === t || collator.compare(x.label, t) === 0);
    if (k) return k.id;
  }
  for (const t of tags) {
    const id = fold(t)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40);
    if (id && s.kinds.length < 100) {
      s.kinds.push({ id, label: t.trim().slice(0, 60), color: IMPORTED_KIND_COLOR });
      return id;
    }
  }
  return s.kinds[0]!.id;
}
