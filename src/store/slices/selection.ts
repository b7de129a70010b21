/** Selection slice: which message the inspector shows, which field, and which tab is open. */
import type { StateCreator } from 'zustand';
import type { Store } from '../store';

/** A field of a message: a byte range of the wire bytes or of the decrypted plaintext. */
export interface FieldRef {
  part: 'wire' | 'plain';
  offset: number;
  length: number;
}

export type InspectorTab = 'bytes' | 'fields' | 'explain' | 'keys' | 'caches';

export interface SelectionSlice {
  /** A message picked on the diagram; null follows the cursor. */
  selectedMessage: number | null;
  selectedField: FieldRef | null;
  hoveredField: FieldRef | null;
  tab: InspectorTab;
  /** Inspect a message: the cursor moves to it, so states, keys and caches are as of that step. */
  selectMessage(step: number): void;
  selectField(field: FieldRef | null): void;
  hoverField(field: FieldRef | null): void;
  setTab(tab: InspectorTab): void;
  clearSelection(): void;
}

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set, get) => ({
  selectedMessage: null,
  selectedField: null,
  hoveredField: null,
  tab: 'explain',
  selectMessage(step) {
    const n = get().view?.messages.length ?? 0;
    if (step < 0 || step >= n) return;
    const same = get().cursor === step;
    set({
      selectedMessage: step,
      cursor: step,
      playing: false,
      ...(same ? {} : { selectedField: null, hoveredField: null }),
    });
  },
  selectField(field) {
    set({ selectedField: field });
  },
  hoverField(field) {
    set({ hoveredField: field });
  },
  setTab(tab) {
    set({ tab });
  },
  clearSelection() {
    set({ selectedMessage: null, selectedField: null, hoveredField: null });
  },
});
