// The tag filter used by the Library and Search toolbars: "All tags", each tag with its count, and
// "suggested: X" for tags with suggestions waiting for review.
import type { TagCount } from '../../../shared/api/schemas';

type Props = {
  tags: TagCount[];
  /** Tags with pending suggestions, and how many papers they are suggested for. */
  suggested?: TagCount[];
  value: string;
  onChange(tag: string): void;
  label: string;
  testId: string;
};

// A comma cannot occur in a tag name (TagSchema), so this prefix never collides with a real tag.
const SUGGESTED = ',suggested,';

export type TagFilter = { tag?: string; suggestedTag?: string };

/** Turns the select's value into the `tag` / `suggestedTag` filter of library:list and search. */
export function parseTagFilter(value: string): TagFilter {
  if (!value) return {};
  return value.startsWith(SUGGESTED)
    ? { suggestedTag: value.slice(SUGGESTED.length) }
    : { tag: value };
}

export function suggestedValue(tag: string): string {
  return SUGGESTED + tag;
}

/** The value if its tag is still offered, else '' (a vanished tag would filter to nothing). */
export function liveTagValue(value: string, tags: TagCount[], suggested: TagCount[] = []): string {
  const f = parseTagFilter(value);
  if (f.tag !== undefined) return tags.some((t) => t.tag === f.tag) ? value : '';
  if (f.suggestedTag !== undefined)
    return suggested.some((t) => t.tag === f.suggestedTag) ? value : '';
  return '';
}

export function TagSelect({ tags, suggested = [], value, onChange, label, testId }: Props) {
  return (
    <select
      className="select"
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">All tags</option>
      {suggested.length > 0 ? (
        <optgroup label="Tags">
          {tags.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag} ({t.count})
            </option>
          ))}
        </optgroup>
      ) : (
        tags.map((t) => (
          <option key={t.tag} value={t.tag}>
            {t.tag} ({t.count})
          </option>
        ))
      )}
      {suggested.length > 0 && (
        <optgroup label="Suggested, waiting for review">
          {suggested.map((t) => (
            <option key={t.tag} value={suggestedValue(t.tag)}>
              suggested: {t.tag} ({t.count} pending)
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
