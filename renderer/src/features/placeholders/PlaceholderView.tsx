// Honest placeholders for views still being built: what is coming and what works today.
import { Icon, type IconName } from '../../components/Icon';

type Placeholder = { icon: IconName; title: string; coming: string; today: string };

export const PLACEHOLDERS = {
  map: {
    icon: 'map',
    title: 'Map',
    coming:
      'A 2-D map of your library: papers clustered by topic, each cluster with a readable label.',
    today:
      'The map needs the embeddings that semantic search brings. Today, group papers with tags in Library.',
  },
  notebooks: {
    icon: 'notebook',
    title: 'Notebooks',
    coming:
      'Notebooks whose cells mix notes with math, paper references, data tables, curve fits and graph experiments, all run offline.',
    today: 'Today, keep notes per paper in the paper pane of Library; they are saved as you type.',
  },
} satisfies Record<string, Placeholder>;

type Props = { which: keyof typeof PLACEHOLDERS; onGoLibrary(): void };

export function PlaceholderView({ which, onGoLibrary }: Props) {
  const p: Placeholder = PLACEHOLDERS[which];
  return (
    <div className="page placeholder" data-testid={`placeholder-${which}`}>
      <div className="placeholder-card">
        <div className="empty-mark" aria-hidden="true">
          <Icon name={p.icon} size={36} />
        </div>
        <h1>{p.title}</h1>
        <span className="badge">Coming soon</span>
        <p>{p.coming}</p>
        <p className="today">
          <strong>Works today:</strong> {p.today}
        </p>
        <button type="button" className="button" onClick={onGoLibrary}>
          Open Library
        </button>
      </div>
    </div>
  );
}
