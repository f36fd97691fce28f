// Settings: where the library lives, what is in it, the theme, the version and the shortcuts.
import { useEffect, useState } from 'react';
import type { LibraryInfo } from '../../../../shared/api/schemas';
import { useApi } from '../../apiContext';
import { COMMANDS, OTHER_SHORTCUTS, formatShortcut } from '../commands/registry';
import { KindsPanel } from '../annotations/KindsPanel';
import { ModelsPanel } from '../models/ModelsPanel';
import { EmbeddingsLine } from '../search/EmbeddingsLine';
import { LlmSettingsPanel } from '../tagging/LlmSettingsPanel';
import { useEmbeddings } from '../search/useEmbeddings';
import type { ThemeChoice } from '../theme/useTheme';
import './settings.css';

type Props = { version: number; themeChoice: ThemeChoice; onThemeChoice(c: ThemeChoice): void };

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function SettingsView({ version, themeChoice, onThemeChoice }: Props) {
  const api = useApi();
  const [info, setInfo] = useState<LibraryInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const embeddings = useEmbeddings(api, true, version);

  useEffect(() => {
    let live = true;
    api.call('app:info', {}).then(
      (i) => {
        if (!live) return;
        setInfo(i);
        setError(null);
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [api, version]);

  const shortcuts = [
    ...OTHER_SHORTCUTS.map((s) => ({ keys: s.keys, what: s.what })),
    ...COMMANDS.filter((c) => c.shortcut).map((c) => ({ keys: c.shortcut ?? '', what: c.title })),
  ];

  return (
    <div className="page settings" data-testid="settings-view">
      <h1>Settings</h1>

      <section className="card">
        <h2>Library</h2>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <dl className="facts">
          <dt>Location</dt>
          <dd>
            <code data-testid="library-location">{info?.location ?? '…'}</code>
          </dd>
          <dt>Papers</dt>
          <dd data-testid="settings-paper-count">
            {info ? info.paperCount.toLocaleString() : '…'}
          </dd>
          <dt>Running as</dt>
          <dd>
            {info
              ? info.mode === 'browser'
                ? 'Browser mode (local server on this machine)'
                : info.mode === 'electron'
                  ? 'Desktop app'
                  : 'Command line'
              : '…'}
          </dd>
        </dl>
      </section>

      <ModelsPanel api={api} />

      <LlmSettingsPanel />

      <KindsPanel />

      <section className="card">
        <h2>Search index</h2>
        <EmbeddingsLine e={embeddings} variant="settings" />
        <p className="muted small">
          Each paper’s title and abstract become a vector for semantic search. New papers are
          embedded after each import; papers whose vectors are missing are still found by keywords.
        </p>
      </section>

      <section className="card">
        <h2>Appearance</h2>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {THEMES.map((t) => (
            <button
              key={t.value}
              type="button"
              role="radio"
              aria-checked={themeChoice === t.value}
              className={themeChoice === t.value ? 'active' : ''}
              data-testid={`theme-${t.value}`}
              onClick={() => onThemeChoice(t.value)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <p className="muted small">System follows your operating system’s light or dark setting.</p>
      </section>

      <section className="card">
        <h2>Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.what}>
                <td>{s.what}</td>
                <td>
                  <kbd>{formatShortcut(s.keys)}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card">
        <h2>About</h2>
        <dl className="facts">
          <dt>Version</dt>
          <dd data-testid="app-version">Quire {info?.appVersion ?? '…'}</dd>
          <dt>Library schema</dt>
          <dd>{info?.schemaVersion ?? '…'}</dd>
        </dl>
        <p className="muted small">
          Quire works offline: your papers, notes and tags stay in the library folder above.
        </p>
      </section>
    </div>
  );
}
