/**
 * For a lab scenario on a screen too narrow for three columns, the side column shows the lab panel
 * or the inspector; these two buttons choose. Inspecting a message (clicking it on the diagram, or
 * a "Show …" button in the outcome) shows the inspector. Wide screens show both, without buttons.
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LabSide } from '../../store/slices/lab';
import { selectLabActions, selectLabSide, selectSettings, useStore } from '../../store/store';
import { useStrings } from '../hooks';

const selectPicked = (s: { selectedMessage: number | null }) => s.selectedMessage;

export function LabSideSwitch() {
  const t = useStrings();
  const isLab = useStore(selectSettings).kind === 'lab';
  const side = useStore(selectLabSide);
  const picked = useStore(selectPicked);
  const { setLabSide } = useStore(useShallow(selectLabActions));
  const previous = useRef(picked);
  useEffect(() => {
    if (picked !== null && picked !== previous.current) setLabSide('inspector');
    previous.current = picked;
  }, [picked, setLabSide]);

  if (!isLab) return null;
  const sides: { id: LabSide; label: string }[] = [
    { id: 'lab', label: t.lab.panel },
    { id: 'inspector', label: t.ui.inspector },
  ];
  return (
    <div className="lab-side-switch" data-side={side} role="group" aria-label={t.lab.sideSwitch}>
      {sides.map((s) => (
        <button
          key={s.id}
          type="button"
          className="view-switch-button"
          aria-pressed={side === s.id}
          onClick={() => setLabSide(s.id)}
        >
          {s.label}
        </button>
      ))}
    </div>
  );
}
