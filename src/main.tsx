import 'reflect-metadata';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { scenarioById } from './engine/scenarios/catalog';
import { initialSettings } from './store/slices/scenario';
import { SPEEDS } from './store/slices/playback';
import { useStore } from './store/store';
import { App } from './ui/App';
import './ui/app.css';

/**
 * Links can pick the scenario, seed, speed and motion: `?scenario=dns-warm&seed=7&speed=2`. A
 * teacher can bookmark a demo; the benchmark opens its long trace this way.
 */
function applyUrlParameters(search: string): void {
  const params = new URLSearchParams(search);
  const id = params.get('scenario');
  if (id && scenarioById(id)) useStore.setState({ scenarioId: id, settings: initialSettings(id) });
  const seed = params.get('seed');
  if (seed) useStore.setState((s) => ({ settings: { ...s.settings, seed } }));
  const speed = Number(params.get('speed'));
  if ((SPEEDS as readonly number[]).includes(speed)) useStore.setState({ speed });
  const motion = params.get('motion');
  if (motion === 'reduce' || motion === 'full') useStore.setState({ motion });
  const theme = params.get('theme');
  if (theme === 'dark' || theme === 'light') useStore.setState({ theme });
}

applyUrlParameters(window.location.search);
// Start the run (and the engine's download) now, while React renders the page around it.
void useStore.getState().run();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
