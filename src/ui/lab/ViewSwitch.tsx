/** Diagram or Decode: what the workspace shows. Two toggle buttons, the pressed one is current. */
import { useShallow } from 'zustand/react/shallow';
import type { Workspace } from '../../store/slices/lab';
import { selectLabActions, selectWorkspace, useStore } from '../../store/store';
import { useStrings } from '../hooks';

export function ViewSwitch() {
  const t = useStrings();
  const workspace = useStore(selectWorkspace);
  const { setWorkspace } = useStore(useShallow(selectLabActions));
  const views: { id: Workspace; label: string }[] = [
    { id: 'diagram', label: t.lab.viewDiagram },
    { id: 'decode', label: t.lab.viewDecode },
  ];
  return (
    <div className="view-switch" role="group" aria-label={t.lab.view}>
      {views.map((v) => (
        <button
          key={v.id}
          type="button"
          className="view-switch-button"
          aria-pressed={workspace === v.id}
          onClick={() => setWorkspace(v.id)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
