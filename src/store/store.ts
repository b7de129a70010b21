/**
 * The one store: built from the scenario, run, playback, selection and settings
 * slices. Components read it only through the selectors below, defined once at module level so
 * their identity is stable; selectors that build objects are used with `useShallow`.
 */
import { create } from 'zustand';
import { createPlaybackSlice, type PlaybackSlice } from './slices/playback';
import { createRunSlice, type RunSlice } from './slices/run';
import { createScenarioSlice, type ScenarioSlice } from './slices/scenario';
import { createSelectionSlice, type SelectionSlice } from './slices/selection';
import { createSettingsSlice, type SettingsSlice } from './slices/settings';
import { createShareSlice, type ShareSlice } from './slices/share';
import { createLabSlice, type LabSlice } from './slices/lab';

export type Store = ScenarioSlice &
  RunSlice &
  PlaybackSlice &
  SelectionSlice &
  SettingsSlice &
  LabSlice &
  ShareSlice;

export const createAppStore = () =>
  create<Store>()((...a) => ({
    ...createScenarioSlice(...a),
    ...createRunSlice(...a),
    ...createPlaybackSlice(...a),
    ...createSelectionSlice(...a),
    ...createSettingsSlice(...a),
    ...createLabSlice(...a),
    ...createShareSlice(...a),
  }));

export const useStore = createAppStore();

// --- selectors -------------------------------------------------------------------------------

export const selectScenarioId = (s: Store) => s.scenarioId;
export const selectSettings = (s: Store) => s.settings;
export const selectView = (s: Store) => s.view;
export const selectStatus = (s: Store) => s.status;
export const selectRunInfo = (s: Store) => ({
  status: s.status,
  ok: s.ok,
  summary: s.summary,
  error: s.error,
  errorLine: s.errorLine,
  summaryLine: s.summaryLine,
});
export const selectCursor = (s: Store) => s.cursor;
export const selectPlaying = (s: Store) => s.playing;
export const selectSpeed = (s: Store) => s.speed;
export const selectTravel = (s: Store) => s.travel;
export const selectMessageCount = (s: Store) => s.view?.messages.length ?? 0;
/** The message the inspector shows: the current one while playing, else the one picked. */
export const selectInspected = (s: Store) =>
  s.playing ? s.cursor : (s.selectedMessage ?? s.cursor);
export const selectSelectedField = (s: Store) => s.selectedField;
export const selectHoveredField = (s: Store) => s.hoveredField;
export const selectTab = (s: Store) => s.tab;
export const selectLanguage = (s: Store) => s.language;
export const selectTheme = (s: Store) => s.theme;
export const selectMotion = (s: Store) => s.motion;

export const selectPlaybackActions = (s: Store) => ({
  play: s.play,
  pause: s.pause,
  togglePlay: s.togglePlay,
  stepForward: s.stepForward,
  stepBack: s.stepBack,
  first: s.first,
  last: s.last,
  seek: s.seek,
  setSpeed: s.setSpeed,
  advance: s.advance,
});
export const selectScenarioActions = (s: Store) => ({
  pickScenario: s.pickScenario,
  updateTls: s.updateTls,
  updateDns: s.updateDns,
  updateLab: s.updateLab,
  newRandomSeed: s.newRandomSeed,
  run: s.run,
});
export const selectSelectionActions = (s: Store) => ({
  selectMessage: s.selectMessage,
  selectField: s.selectField,
  hoverField: s.hoverField,
  setTab: s.setTab,
});
export const selectSettingsActions = (s: Store) => ({
  setTheme: s.setTheme,
  setMotion: s.setMotion,
  setLanguage: s.setLanguage,
});

// --- the lab ---------------------------------------------------------------------------------

/** A lab run's outcome, as the engine returned it; undefined for the other scenarios. */
export const selectOutcome = (s: Store) => s.outcome;
export const selectWorkspace = (s: Store) => s.workspace;
export const selectLabSide = (s: Store) => s.labSide;
export const selectDecodeInput = (s: Store) => s.decodeInput;
export const selectLabActions = (s: Store) => ({
  setWorkspace: s.setWorkspace,
  setLabSide: s.setLabSide,
  setDecodeInput: s.setDecodeInput,
});
