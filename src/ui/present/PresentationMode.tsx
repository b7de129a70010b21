/**
 * Presentation mode's page-wide part: marks <html> so present.css can enlarge the type, collapse
 * the side panels and draw the diagram in high contrast; and the "?" shortcut overlay, which
 * works in both modes.
 */
import { Suspense, useEffect, useState } from 'react';
import { useStore } from '../../store/store';
import { ShortcutsDialog } from '../lazy';
import { selectPresenting, selectShortcutsOpen } from './selectors';
import './present.css';

export function PresentationMode() {
  const presenting = useStore(selectPresenting);
  useEffect(() => {
    const root = document.documentElement;
    if (presenting) root.dataset['presenting'] = 'true';
    else delete root.dataset['presenting'];
  }, [presenting]);
  // The overlay's code comes with its first opening (or the prefetch), and then stays mounted.
  const open = useStore(selectShortcutsOpen);
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? (
    <Suspense fallback={null}>
      <ShortcutsDialog />
    </Suspense>
  ) : null;
}
