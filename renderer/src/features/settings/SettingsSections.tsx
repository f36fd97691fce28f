// Settings' own cards: the library facts, the theme picker and the shortcut sheet.
import type { LibraryInfo } from '@shared/api/schemas';
import { COMMANDS, OTHER_SHORTCUTS, formatShortcut } from '../commands/registry';
import type { ThemeChoice } from '../theme/useTheme';

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function runningAs(mode: LibraryInfo['mode']): string {
  if (mode === 'browser') return 'Browser mode (local server on this machine)';
  return mode === 'electron' ? 'Desktop app' : 'Command line';
}

export function LibraryCard({ info, error }: { info: LibraryInfo | null; error: string | null }) {
  return (
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
        {info?.personalFiles && (
          <>
            <dt>Your files</dt>
            <dd>
              <code data-testid="library-personal-files">{info.personalFiles}</code>
            </dd>
          </>
        )}
        <dt>Papers</dt>
        <dd data-testid="settings-paper-count">{info ? info.paperCount.toLocaleString() : '…'}</dd>
        <dt>Running as</dt>
        <dd>{info ? runningAs(info.mode) : '…'}</dd>
      </dl>
      {info?.personalFiles && (
        <p className="muted small" data-testid="library-shared-note">
          A shared library on object storage: its papers, tags, notes and vectors are read by every
          machine that opens it, and one machine writes at a time (a write while another machine
          writes is refused, naming it). Highlights, notebooks, topic maps, settings and models stay
          on this machine, in the folder above.
        </p>
      )}
    </section>
  );
}

export function ThemeCard({
  choice,
  onChoice,
}: {
  choice: ThemeChoice;
  onChoice(c: ThemeChoice): void;
}) {
  return (
    <section className="card">
      <h2>Appearance</h2>
      <div className="segmented" role="radiogroup" aria-label="Theme">
        {THEMES.map((t) => (
          <button
            key={t.value}
            type="button"
            role="radio"
            aria-checked={choice === t.value}
            className={choice === t.value ? 'active' : ''}
            data-testid={`theme-${t.value}`}
            onClick={() => onChoice(t.value)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <p className="muted small">System follows your operating system’s light or dark setting.</p>
    </section>
  );
}

export function ShortcutsCard() {
  const shortcuts = [
    ...OTHER_SHORTCUTS.map((s) => ({ keys: s.keys, what: s.what })),
    ...COMMANDS.filter((c) => c.shortcut).map((c) => ({ keys: c.shortcut ?? '', what: c.title })),
  ];
  return (
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
  );
}
