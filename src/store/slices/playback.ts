/**
 * Playback slice: the cursor (the current message), whether it plays, and how fast. The
 * travelling animation itself lives in the diagram; this slice only says which message is current.
 */
import type { StateCreator } from 'zustand';
import type { Store } from '../store';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export interface PlaybackSlice {
  /** Index of the current message; 0 once a trace is loaded. */
  cursor: number;
  playing: boolean;
  speed: number;
  /**
   * Bumped whenever the cursor moves forward by one (by playing or stepping), so the diagram knows
   * to animate the new message travelling. Jumps and steps back show it arrived at once.
   */
  travel: number;
  play(): void;
  pause(): void;
  togglePlay(): void;
  stepForward(): void;
  stepBack(): void;
  first(): void;
  last(): void;
  seek(step: number): void;
  setSpeed(speed: number): void;
  /** Called by the playback clock when the current message has arrived and dwelt. */
  advance(): void;
  resetPlayback(): void;
}

function messageCount(s: Store): number {
  return s.view?.messages.length ?? 0;
}

export const createPlaybackSlice: StateCreator<Store, [], [], PlaybackSlice> = (set, get) => ({
  cursor: 0,
  playing: false,
  speed: 1,
  travel: 0,
  play() {
    const s = get();
    const n = messageCount(s);
    if (n === 0) return;
    // From the first message, play it travelling; from the end, start over; else go on.
    const cursor = s.cursor === 0 || s.cursor >= n - 1 ? 0 : s.cursor + 1;
    set({
      cursor,
      travel: s.travel + 1,
      playing: true,
      selectedMessage: null,
      selectedField: null,
    });
  },
  pause() {
    set({ playing: false });
  },
  togglePlay() {
    if (get().playing) get().pause();
    else get().play();
  },
  stepForward() {
    const s = get();
    if (s.cursor >= messageCount(s) - 1) return;
    set({
      cursor: s.cursor + 1,
      travel: s.travel + 1,
      playing: false,
      selectedMessage: null,
      selectedField: null,
    });
  },
  stepBack() {
    const s = get();
    if (s.cursor <= 0) return;
    set({ cursor: s.cursor - 1, playing: false, selectedMessage: null, selectedField: null });
  },
  first() {
    set({ cursor: 0, playing: false, selectedMessage: null, selectedField: null });
  },
  last() {
    set({
      cursor: Math.max(0, messageCount(get()) - 1),
      playing: false,
      selectedMessage: null,
      selectedField: null,
    });
  },
  seek(step) {
    const n = messageCount(get());
    if (n === 0) return;
    set({
      cursor: Math.min(n - 1, Math.max(0, Math.round(step))),
      playing: false,
      selectedMessage: null,
      selectedField: null,
    });
  },
  setSpeed(speed) {
    set({ speed });
  },
  advance() {
    const s = get();
    if (!s.playing) return;
    if (s.cursor >= messageCount(s) - 1) set({ playing: false });
    else set({ cursor: s.cursor + 1, travel: s.travel + 1, selectedField: null });
  },
  resetPlayback() {
    set({ cursor: 0, playing: false });
  },
});
