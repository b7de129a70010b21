import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SPEEDS } from './store/slices/playback';
import { setBeforeShowing } from './store/slices/run';
import { useStore } from './store/store';
import { App } from './ui/App';
import { loadEnglishFor, loadLanguage } from './ui/i18n';
import { afterFirstDraw, prefetchAll } from './ui/lazy';
import './ui/app.css';

/**
 * Links pick the scenario, its settings, the seed and the step (src/ui/share/link.ts), and also
 * the speed, motion and theme: `?scenario=dns-warm&seed=7&step=4&speed=2`. A teacher can bookmark
 * a demo; the benchmark opens its long trace this way.
 */
function applyUrlParameters(search: string): void {
  const params = new URLSearchParams(search);
  const speed = Number(params.get('speed'));
  if ((SPEEDS as readonly number[]).includes(speed)) useStore.setState({ speed });
  const motion = params.get('motion');
  if (motion === 'reduce' || motion === 'full') useStore.setState({ motion });
  const theme = params.get('theme');
  if (theme === 'dark' || theme === 'light') useStore.setState({ theme });
}

const search = window.location.search;
applyUrlParameters(search);
// <html lang> follows the store as soon as the language changes, before React draws in it: what
// measures text while drawing (the lesson's "Show all") then measures it with that language's line
// breaking (word-break: keep-all in Korean, i18n/lang.css), not the previous one's.
document.documentElement.lang = useStore.getState().language;
useStore.subscribe((s) => {
  if (document.documentElement.lang !== s.language) document.documentElement.lang = s.language;
});
setBeforeShowing((outcome) => loadEnglishFor(outcome.trace, outcome.ok));
const loadLinkSync = () => import('./ui/share/link-sync');
if (search.length > 1) {
  // Not awaited at the top level: a link with edited lab settings imports the lab's schemas, whose
  // chunk imports this one, which would wait for itself.
  void loadLinkSync()
    .then(async ({ applyLink, syncLink }) => syncLink(await applyLink(search)))
    .finally(() => void useStore.getState().run());
} else {
  // Start the run (and the engine's download) now, while React renders the page around it. The
  // address bar follows what is on screen once the first handshake is drawn: no link to read.
  void useStore.getState().run();
  void afterFirstDraw()
    .then(loadLinkSync)
    .then(({ syncLink }) => syncLink(undefined));
}
// A page that starts in Korean fetches its table first, so it never draws in English and switches.
await loadLanguage(useStore.getState().language).catch(() => undefined);
// The diagram starts the prefetch on its first drawing; a run that draws nothing starts it here.
window.addEventListener('load', () => setTimeout(() => void prefetchAll(), 3000), { once: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
