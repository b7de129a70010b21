/**
 * Lab slice: what the workspace shows (the diagram, or the Decode view), which panel a lab
 * scenario's side column shows when the screen is too narrow for both (the lab panel or the
 * inspector), and the text pasted into the Decode view (kept while the user looks at the diagram).
 */
import type { StateCreator } from 'zustand';
import type { Store } from '../store';

export type Workspace = 'diagram' | 'decode';
export type LabSide = 'lab' | 'inspector';

export interface LabSlice {
  workspace: Workspace;
  labSide: LabSide;
  decodeInput: string;
  setWorkspace(workspace: Workspace): void;
  setLabSide(side: LabSide): void;
  setDecodeInput(text: string): void;
}

export const createLabSlice: StateCreator<Store, [], [], LabSlice> = (set) => ({
  workspace: 'diagram',
  labSide: 'lab',
  decodeInput: '',
  setWorkspace: (workspace) => set({ workspace }),
  setLabSide: (labSide) => set({ labSide }),
  setDecodeInput: (decodeInput) => set({ decodeInput }),
});
