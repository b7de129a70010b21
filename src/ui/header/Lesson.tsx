/**
 * "What to watch for": the scenario's point. It shows in full when it fits in two lines; a longer
 * one is cut at two lines with a visible "Show all" button (a disclosure: aria-expanded,
 * aria-controls) that opens it whole, so the lesson is never cut without a way to read it.
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useStrings } from '../hooks';

export function Lesson({ text }: { text: string }) {
  const t = useStrings();
  const [open, setOpen] = useState(false);
  const [cut, setCut] = useState(false);
  const textRef = useRef<HTMLParagraphElement>(null);
  const id = useId();

  // Whether the closed lesson is cut: measured, because it depends on the width and the language.
  useLayoutEffect(() => {
    const el = textRef.current;
    if (!el) return;
    const measure = () => {
      if (el.classList.contains('clamped')) setCut(el.scrollHeight > el.clientHeight + 1);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text, open]);

  return (
    <div className="lesson">
      <p id={id} ref={textRef} className={`lesson-text${open ? '' : ' clamped'}`}>
        <span className="lesson-label">{t.ui.lesson}:</span> {text}
      </p>
      {(cut || open) && (
        <button
          type="button"
          className="lesson-toggle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {open ? t.ui.lessonLess : t.ui.lessonMore}
        </button>
      )}
    </div>
  );
}
