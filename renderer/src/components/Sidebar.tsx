// The left sidebar: the app's views, plus the palette and theme buttons.
import { formatShortcut } from '../features/commands/registry';
import type { Theme } from '../features/theme/useTheme';
import { VIEWS, VIEW_TITLES, type View } from '../views';
import { Icon, type IconName } from './Icon';

const ICONS: Record<View, IconName> = {
  library: 'library',
  search: 'search',
  map: 'map',
  notebooks: 'notebook',
  tags: 'tag',
  settings: 'settings',
};

type Props = {
  view: View;
  onView(v: View): void;
  onPalette(): void;
  theme: Theme;
  onToggleTheme(): void;
};

export function Sidebar({ view, onView, onPalette, theme, onToggleTheme }: Props) {
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          Q
        </span>
        <span className="brand-name">Quire</span>
      </div>
      <ul className="nav-list">
        {VIEWS.map((v) => (
          <li key={v}>
            <button
              type="button"
              className={`nav-item ${v === view ? 'active' : ''}`}
              aria-current={v === view ? 'page' : undefined}
              data-testid={`nav-${v}`}
              onClick={() => onView(v)}
            >
              <Icon name={ICONS[v]} />
              <span>{VIEW_TITLES[v]}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">
        <button type="button" className="nav-item" onClick={onPalette} data-testid="open-palette">
          <Icon name="command" />
          <span>Commands</span>
          <kbd>{formatShortcut('Mod+K')}</kbd>
        </button>
        <button
          type="button"
          className="nav-item"
          onClick={onToggleTheme}
          aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
        >
          <span className="theme-dot" aria-hidden="true" />
          <span>{theme === 'dark' ? 'Dark' : 'Light'} theme</span>
        </button>
      </div>
    </nav>
  );
}
