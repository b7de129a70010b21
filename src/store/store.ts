/**
 * The one store (DESIGN.md): scenario (what to run) and run (the Trace that came out). Playback,
 * selection and settings slices arrive with the visualizer.
 */
import { create } from 'zustand';
import type { Trace } from '../engine/trace';
import { runTlsExchange } from '../engine/scenarios/tls-run';

export interface ScenarioSlice {
  seed: string;
  serverName: string;
  setSeed(seed: string): void;
}

export interface RunSlice {
  status: 'idle' | 'running' | 'done' | 'failed';
  trace?: Trace;
  summary?: string;
  error?: string;
  run(): Promise<void>;
}

export type Store = ScenarioSlice & RunSlice;

export const useStore = create<Store>()((set, get) => ({
  seed: '1',
  serverName: 'www.example.com',
  setSeed: (seed) => set({ seed }),
  status: 'idle',
  async run() {
    set({ status: 'running' });
    try {
      const result = await runTlsExchange({ seed: get().seed, serverName: get().serverName });
      set({ status: result.ok ? 'done' : 'failed', trace: result.trace, summary: result.httpStatus ?? '', ...(result.error ? { error: result.error } : {}) });
    } catch (e) {
      set({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  },
}));

export const selectTrace = (s: Store) => s.trace;
export const selectStatus = (s: Store) => s.status;
export const selectError = (s: Store) => s.error;
export const selectSeed = (s: Store) => s.seed;
