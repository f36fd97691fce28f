// The provenance of an LLM-proposed cluster name in the map legend ("named by <model>", with what it
// was given) and the Accept action that makes it the user's own name (editing is the legend's rename).
import type { MapCluster } from '@shared/api/map-contract';

type Props = {
  cluster: MapCluster;
  onAccept(name: string): void;
};

export function LlmNameNote({ cluster, onAccept }: Props) {
  const named = cluster.llmName;
  // A user's name wins: the proposal is no longer what the legend shows.
  if (!named || cluster.renamed) return null;
  const evidence = [
    `Proposed by ${named.model} on ${new Date(named.at).toLocaleString()}`,
    `from the key phrases: ${named.keywords.join(', ') || '(none)'}`,
    ...named.titles.map((t) => `• ${t}`),
    `Automatic label: ${cluster.autoLabel}`,
  ].join('\n');
  return (
    <span className="map-llm-note" data-testid="map-llm-note" title={evidence}>
      named by {named.model}
      <button
        type="button"
        className="link-button"
        data-testid="map-llm-accept"
        aria-label={`Accept the name ${named.name}`}
        onClick={() => onAccept(named.name)}
      >
        Accept
      </button>
    </span>
  );
}
