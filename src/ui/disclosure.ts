/**
 * The ARIA disclosure pattern for the header's popovers (Display, Export and share): a button
 * with aria-expanded shows and hides a panel. The panel also closes on Escape (focus returns to its
 * button), on a pointer press outside it and its button, and when the scenario changes, so it never
 * stays open over a diagram it was not opened for.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { selectScenarioId, useStore } from '../store/store';

export interface Disclosure {
  open: boolean;
  toggle(): void;
  close(): void;
  /** The element that holds the button and the panel: a press inside it is not "outside". */
  rootRef: React.RefObject<HTMLDivElement | null>;
  buttonRef: React.RefObject<HTMLButtonElement | null>;
}

export function useDisclosure(): Disclosure {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const scenarioId = useStore(selectScenarioId);
  const close = useCallback(() => setOpen(false), []);
  const toggle = useCallback(() => setOpen((o) => !o), []);

  // A scenario change closes the panel (state adjusted during render, as React recommends).
  const [openedFor, setOpenedFor] = useState(scenarioId);
  if (openedFor !== scenarioId) {
    setOpenedFor(scenarioId);
    if (open) setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      // A modal dialog above the page handles its own Escape.
      if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
      e.preventDefault();
      const hadFocus = rootRef.current?.contains(document.activeElement) ?? false;
      setOpen(false);
      if (hadFocus) buttonRef.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && rootRef.current?.contains(e.target)) return;
      setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return { open, toggle, close, rootRef, buttonRef };
}
