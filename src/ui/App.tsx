import { Suspense, useEffect } from 'react';
import { selectTheme, selectWorkspace, useStore } from '../store/store';
import { Header } from './header/Header';
import { SequenceDiagram } from './diagram/SequenceDiagram';
import { Inspector } from './inspector/Inspector';
import { PlaybackBar } from './playback/PlaybackBar';
import { useKeyboardShortcuts } from './playback/keyboard';
import { RunStatus } from './RunStatus';
import { useStrings } from './hooks';
import { loadEnglishPart } from './i18n';
import { DecodeView, LabPanel, NegotiationReport } from './lazy';
import { LabSideSwitch } from './lab/LabSideSwitch';
import { PresentationCaption } from './present/PresentationCaption';
import { PresentationMode } from './present/PresentationMode';
import { ShareNotice } from './share/ShareNotice';
import type { Store } from '../store/store';

const selectProbeReport = (s: Store) => s.probeReport;
/** A DNS run is picked or DNS is on screen: its English text (./i18n/en-dns.ts) is needed. */
const selectShowsDns = (s: Store) =>
  s.settings.kind === 'dns' || s.view?.protocol === 'dns' || s.view?.protocol === 'mixed';

/** The page: header on top, the diagram in the middle, the inspector on the right, playback below. */
export function App() {
  const theme = useStore(selectTheme);
  const t = useStrings();
  const workspace = useStore(selectWorkspace);
  const isLab = useStore((s) => s.settings.kind === 'lab');
  const probeReport = useStore(selectProbeReport);
  const showsDns = useStore(selectShowsDns);
  useKeyboardShortcuts();

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  useEffect(() => {
    // It fails only offline before the prefetch got to it; the next DNS run tries again.
    if (showsDns) loadEnglishPart('dns').catch(() => undefined);
  }, [showsDns]);

  return (
    <div className="app">
      <a className="skip-link" href="#diagram">
        {t.ui.skipToDiagram}
      </a>
      <Header />
      {workspace === 'decode' ? (
        <Suspense fallback={<p className="muted lab-loading">{t.lab.loading}</p>}>
          <DecodeView />
        </Suspense>
      ) : (
        <>
          {probeReport ? (
            // The report replaces the run: no messages to inspect or play back while it is open.
            <main className="workspace report-only">
              <Suspense fallback={<p className="muted lab-loading">{t.lab.loading}</p>}>
                <NegotiationReport report={probeReport.report} />
              </Suspense>
            </main>
          ) : (
            <>
              <main className="workspace">
                <section className="stage" aria-labelledby="diagram-title">
                  <RunStatus />
                  <ShareNotice />
                  <SequenceDiagram />
                  <PresentationCaption />
                </section>
                <LabSideSwitch />
                {isLab && (
                  <Suspense fallback={null}>
                    <LabPanel />
                  </Suspense>
                )}
                <Inspector />
              </main>
              <PlaybackBar />
            </>
          )}
        </>
      )}
      <PresentationMode />
    </div>
  );
}
