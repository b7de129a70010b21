/**
 * The "?" overlay: every keyboard shortcut, from the same list the keyboard hook reads. A native
 * modal <dialog>, so focus stays inside it, Escape closes it, and focus returns where it was.
 */
import { useEffect, useId, useRef } from 'react';
import { useStore } from '../../store/store';
import { useStrings } from '../hooks';
import { SHORTCUTS } from './shortcuts';
import { selectShortcutsOpen, selectLetterShortcuts } from './selectors';

export function ShortcutsDialog() {
  const t = useStrings();
  const open = useStore(selectShortcutsOpen);
  const letters = useStore(selectLetterShortcuts);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const toggleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const close = () => useStore.getState().setShortcutsOpen(false);

  return (
    <dialog
      ref={ref}
      className="shortcuts-dialog"
      aria-labelledby={titleId}
      onClose={close}
      onKeyDown={(e) => {
        if (e.key === '?' && letters) {
          e.preventDefault();
          close();
        }
      }}
    >
      <div className="shortcuts-head">
        <h2 id={titleId}>{t.ui.shortcuts}</h2>
        <button type="button" className="button" onClick={close}>
          {t.ui.close}
        </button>
      </div>
      <p className="hint">{t.ui.shortcutsIntro}</p>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">{t.ui.shortcutKey}</th>
            <th scope="col">{t.ui.shortcutAction}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.filter((s) => letters || !s.character).map((s) => (
            <tr key={s.id}>
              <td>
                {s.labels.map((label, i) => (
                  <span key={label}>
                    {i > 0 && ' / '}
                    <kbd>{label}</kbd>
                  </span>
                ))}
              </td>
              <td>{t.shortcuts[s.id]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="letter-toggle" htmlFor={toggleId}>
        <input
          id={toggleId}
          type="checkbox"
          checked={letters}
          onChange={(e) => useStore.getState().setLetterShortcuts(e.target.checked)}
        />
        {t.ui.letterShortcuts}
      </label>
    </dialog>
  );
}
