// The tag filter used by the Library and Search toolbars: "All tags", each tag with its count,
// "suggested: X" for tags with suggestions waiting for review, and the topic map's clusters.
import type { TagCount } from '@shared/api/schemas';

/** A cluster of the active model's topic map, offered as a filter. */
export type ClusterOption = { id: string; label: string; size: number };

type Props = {
  tags: TagCount[];
  /** Tags with pending suggestions, and how many papers they are suggested for. */
  suggested?: TagCount[];
  /** Clusters of the topic map (none until a map is computed). */
  clusters?: ClusterOption[];
  value: string;
  onChange(tag: string): void;
  label: string;
  testId: string;
};

// A comma cannot occur in a tag name (TagSchema), so this prefix never collides with a real tag.
const SUGGESTED = ',suggested,';
const CLUSTER = ',cluster,';

export type TagFilter = { tag?: string; suggestedTag?: string; cluster?: string };

/** Turns the select's value into the `tag` / `suggestedTag` / `cluster` filter of library:list and search. */
export function parseTagFilter(value: string): TagFilter {
  if (!value) return {};
  if (value.startsWith(SUGGESTED)) return { suggestedTag: value.slice(SUGGESTED.length) };
  if (value.startsWith(CLUSTER)) return { cluster: value.slice(CLUSTER.length) };
  return { tag: value };
}

export function suggestedValue(tag: string): string {
  return SUGGESTED + tag;
}

export function clusterValue(id: string): string {
  return CLUSTER + id;
}

/** The value if its tag is still offered, else '' (a vanished tag would filter to nothing). */
export function liveTagValue(
  value: string,
  tags: TagCount[],
  suggested: TagCount[] = [],
  clusters: ClusterOption[] = [],
): string {
  const f = parseTagFilter(value);
  if (f.cluster !== undefined) return clusters.some((c) => c.id === f.cluster) ? value : '';
  if (f.tag !== undefined) return tags.some((t) => t.tag === f.tag) ? value : '';
  if (f.suggestedTag !== undefined)
    return suggested.some((t) => t.tag === f.suggestedTag) ? value : '';
  return '';
}

export function TagSelect(props: Props) {
  const { tags, suggested = [], clusters = [], value, onChange, label, testId } = props;
  return (
    <select
      className="select"
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">All tags</option>
      {suggested.length > 0 || clusters.length > 0 ? (
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
      {clusters.length > 0 && (
        <optgroup label="Topic map clusters">
          {clusters.map((c) => (
            <option key={c.id} value={clusterValue(c.id)}>
              cluster: {c.label} ({c.size})
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
