// Renderer entry: pick the transport, then mount the app (or explain how to open it).
import './no-eval';
// Global styles first: each feature's CSS, imported by its view, comes after them in the cascade.
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupApi } from './api';
import { App } from './App';
import { NoTokenScreen } from './components/GateScreen';
import { useTheme } from './features/theme/useTheme';

/** The token screen honours the theme choice too. */
function NoToken() {
  useTheme();
  return <NoTokenScreen />;
}

const setup = setupApi();
const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(
  <StrictMode>
    {setup.kind === 'ready' ? <App api={setup.api} onMenuCommand={setup.onCommand} /> : <NoToken />}
  </StrictMode>,
);
