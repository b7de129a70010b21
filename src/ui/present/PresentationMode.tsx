/**
 * Presentation mode's page-wide part: marks <html> so present.css can enlarge the type, collapse
 * the side panels and draw the diagram in high contrast; and the "?" shortcut overlay, which
 * works in both modes.
 */
import { useEffect } from 'react';
import { useStore } from '../../store/store';
import { ShortcutsDialog } from './ShortcutsDialog';
import { selectPresenting } from './selectors';
import './present.css';

export function PresentationMode() {
  const presenting = useStore(selectPresenting);
  useEffect(() => {
    const root = document.documentElement;
    if (presenting) root.dataset['presenting'] = 'true';
    else delete root.dataset['presenting'];
  }, [presenting]);
  return <ShortcutsDialog />;
}
