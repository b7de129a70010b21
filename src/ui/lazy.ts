/**
 * What the first drawing of the default TLS handshake does not need, loaded on demand: the lab,
 * Decode, the exports, the share popover and the shortcuts overlay, the inspector's tabs other
 * than Explain, the DNS engine, the English text of the lab, DNS and the key schedule, and the
 * Korean tables. `prefetchAll` fetches and evaluates every one of them once the first handshake is
 * on screen, so a page that has loaded keeps working offline (README, Deploying).
 */
import { lazy } from 'react';
import { loadLabModules } from '../engine/scenarios/lab-registry';
import { loadSettingsCheck } from '../store/slices/run';
import { loadEnglishPart, loadLanguage } from './i18n';

/**
 * The lab's views come with the lab's English text (./i18n/en-lab.ts), which only they read, and
 * DNS's (./i18n/en-dns.ts): the DNS lab, the journey and Decode show DNS messages.
 */
const withLabText =
  <M>(load: () => Promise<M>) =>
  () =>
    Promise.all([
      load(),
      loadEnglishPart('lab'),
      loadEnglishPart('dns'),
      loadEnglishPart('tls'),
      loadEnglishPart('tls13'),
      loadEnglishPart('fields'),
    ]).then(([module]) => module);
const loadDecodeView = withLabText(() => import('./lab/decode/DecodeView'));
const loadLabPanel = withLabText(() =>
  Promise.all([import('./lab/LabPanel'), loadSettingsCheck()]).then(([m]) => m),
);
/** The panel comes with its words (./i18n/en-report.ts, which the reports it imports share). */
const loadSharePanel = () =>
  Promise.all([import('./share/SharePanel'), loadEnglishPart('report')]).then(([m]) => m);
/** The tabs that select a field come with what each field is (./i18n/en-fields.ts). */
const withFieldText =
  <M>(load: () => Promise<M>) =>
  () =>
    Promise.all([load(), loadEnglishPart('fields')]).then(([module]) => module);
const loadBytesTab = withFieldText(() => import('./inspector/BytesTab'));
const loadFieldsTab = withFieldText(() => import('./inspector/FieldsTab'));
const loadKeysTab = () =>
  Promise.all([import('./inspector/KeysTab'), loadEnglishPart('keys')]).then(([m]) => m);
const loadCachesTab = () =>
  Promise.all([import('./inspector/CachesTab'), loadEnglishPart('dns')]).then(([m]) => m);
/**
 * The report comes with its words (./i18n/en-report.ts), and a probe's answers are alerts as often
 * as not: their meanings are in ./i18n/en-tls.ts.
 */
const loadNegotiationReport = () =>
  Promise.all([
    import('./share/NegotiationReport'),
    loadEnglishPart('tls'),
    loadEnglishPart('report'),
  ]).then(([m]) => m);
const loadShortcutsDialog = () => import('./present/ShortcutsDialog');

export const DecodeView = lazy(() => loadDecodeView().then((m) => ({ default: m.DecodeView })));
export const LabPanel = lazy(() => loadLabPanel().then((m) => ({ default: m.LabPanel })));
export const SharePanel = lazy(() => loadSharePanel().then((m) => ({ default: m.SharePanel })));
/** The inspector opens on Explain; its other tabs come with the first click on one. */
export const BytesTab = lazy(() => loadBytesTab().then((m) => ({ default: m.BytesTab })));
export const FieldsTab = lazy(() => loadFieldsTab().then((m) => ({ default: m.FieldsTab })));
export const KeysTab = lazy(() => loadKeysTab().then((m) => ({ default: m.KeysTab })));
export const CachesTab = lazy(() => loadCachesTab().then((m) => ({ default: m.CachesTab })));
/** The "?" overlay of keyboard shortcuts. */
export const ShortcutsDialog = lazy(() =>
  loadShortcutsDialog().then((m) => ({ default: m.ShortcutsDialog })),
);
/** A `tls probe --json` report, opened through Import. */
export const NegotiationReport = lazy(() =>
  loadNegotiationReport().then((m) => ({ default: m.NegotiationReport })),
);

/** Every module loaded on demand, so that none is missing when the network is gone. */
const ON_DEMAND: readonly (() => Promise<unknown>)[] = [
  loadSharePanel,
  loadBytesTab,
  loadFieldsTab,
  loadKeysTab,
  loadCachesTab,
  loadNegotiationReport,
  loadShortcutsDialog,
  () => import('../engine/scenarios/probe-json'),
  loadDecodeView,
  loadLabPanel,
  loadLabModules,
  () => loadEnglishPart('dns'),
  () => loadEnglishPart('tls'),
  () => loadEnglishPart('tls13'),
  () => import('../i18n/tls-failure'),
  () => loadLanguage('ko'),
  () => import('../engine/scenarios/run-lab'),
  () => import('../engine/dns'),
  () => import('../engine/tls/decode'),
  () => import('../engine/dns/codec'),
  () => import('../engine/tls/keylog'),
  () => import('../engine/capture'),
  () => import('./capture/open-capture'),
  () => import('../engine/export/trace-pcap'),
  () => import('./share/diagram-image'),
  () => import('../engine/scenarios/trace-json'),
];

let prefetched: Promise<void> | undefined;
let firstDrawn: () => void = () => undefined;
const drawn = new Promise<void>((resolve) => (firstDrawn = resolve));

/** Resolves when the page is idle after its first drawing, as the prefetch starts. */
export const afterFirstDraw = (): Promise<void> => drawn;

/**
 * Loads everything above, one module at a time while the page is idle (the machine may be a
 * classroom laptop that is still animating the handshake). `<html data-prefetched>` marks the end,
 * for the offline e2e test and the benchmark.
 */
export function prefetchAll(): Promise<void> {
  prefetched ??= (async () => {
    await idle();
    firstDrawn();
    for (const load of ON_DEMAND) {
      await idle();
      try {
        await load();
      } catch {
        // Offline already, or a file missing on the server: that part loads when first used.
      }
    }
    document.documentElement.dataset['prefetched'] = 'true';
  })();
  return prefetched;
}

function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: 500 });
    else setTimeout(resolve, 50);
  });
}
