// Settings: where the library lives, what is in it, the theme, the version and the shortcuts.
import { useEffect, useState } from 'react';
import { errorMessage } from '@shared/api/errors';
import type { LibraryInfo } from '@shared/api/schemas';
import { useApi } from '../../apiContext';
import { KindsPanel } from '../annotations/KindsPanel';
import { ModelsPanel } from '../models/ModelsPanel';
import { EmbeddingsLine } from '../search/EmbeddingsLine';
import { LlmSettingsPanel } from '../tagging/LlmSettingsPanel';
import { useEmbeddings } from '../search/useEmbeddings';
import { LibraryCard, ShortcutsCard, ThemeCard } from './SettingsSections';
import type { ThemeChoice } from '../theme/useTheme';
import './settings.css';

type Props = { version: number; themeChoice: ThemeChoice; onThemeChoice(c: ThemeChoice): void };

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
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [api, version]);

  return (
    <div className="page settings" data-testid="settings-view">
      <h1>Settings</h1>

      <LibraryCard info={info} error={error} />

      <ModelsPanel />

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

      <ThemeCard choice={themeChoice} onChoice={onThemeChoice} />

      <ShortcutsCard />

      <section className="card">
        <h2>About</h2>
        <dl className="facts">
          <dt>Version</dt>
          <dd data-testid="app-version">Quire {info?.appVersion ?? '…'}</dd>
          <dt>Library schema</dt>
          <dd>{info?.schemaVersion ?? '…'}</dd>
        </dl>
        <p className="muted small">
          {info?.personalFiles
            ? 'Quire works offline on this machine’s files; the shared library is read from its object store.'
            : 'Quire works offline: your papers, notes and tags stay in the library folder above.'}
        </p>
      </section>
    </div>
  );
}
