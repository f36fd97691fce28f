// Full-window message when the UI cannot reach the library: no token, wrong token, server gone.
import type { ReactNode } from 'react';

export function GateScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="gate" data-testid="gate-screen">
      <div className="gate-card">
        <span className="brand-mark large" aria-hidden="true">
          Q
        </span>
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  );
}

export function NoTokenScreen({ rejected = false }: { rejected?: boolean }) {
  return (
    <GateScreen title={rejected ? 'This link has expired' : 'Open Quire with its link'}>
      <p>
        {rejected
          ? 'The Quire server did not accept this page’s access token; it changes every time the server starts. '
          : ''}
        Open Quire with the link printed by <code>npm run serve</code> (it carries the access
        token).
      </p>
      <p className="muted small">
        The link looks like <code>http://127.0.0.1:PORT/?token=…</code>. The token keeps other pages
        and programs on this machine out of your library.
      </p>
    </GateScreen>
  );
}
