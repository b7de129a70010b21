import { useEffect } from 'react';
import { selectTheme, selectWorkspace, useStore } from '../store/store';
import { Header } from './header/Header';
import { SequenceDiagram } from './diagram/SequenceDiagram';
import { Inspector } from './inspector/Inspector';
import { PlaybackBar } from './playback/PlaybackBar';
import { useKeyboardShortcuts } from './playback/keyboard';
import { RunStatus } from './RunStatus';
import { useStrings } from './hooks';
import { DecodeView } from './lab/decode/DecodeView';
import { LabPanel } from './lab/LabPanel';
import { LabSideSwitch } from './lab/LabSideSwitch';
import { PresentationCaption } from './present/PresentationCaption';
import { PresentationMode } from './present/PresentationMode';
import { NegotiationReport } from './share/NegotiationReport';
import { ShareNotice } from './share/ShareNotice';
import type { Store } from '../store/store';

const selectProbeReport = (s: Store) => s.probeReport;

/** The page: header on top, the diagram in the middle, the inspector on the right, playback below. */
export function App() {
  const theme = useStore(selectTheme);
  const language = useStore((s) => s.language);
  const t = useStrings();
  const workspace = useStore(selectWorkspace);
  const probeReport = useStore(selectProbeReport);
  useKeyboardShortcuts();

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.lang = language;
  }, [theme, language]);

  return (
    <div className="app">
      <a className="skip-link" href="#diagram">
        {t.ui.skipToDiagram}
      </a>
      <Header />
      {workspace === 'decode' ? (
        <DecodeView />
      ) : (
        <>
          {probeReport ? (
            // The report replaces the run: no messages to inspect or play back while it is open.
            <main className="workspace report-only">
              <NegotiationReport report={probeReport.report} />
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
                <LabPanel />
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
