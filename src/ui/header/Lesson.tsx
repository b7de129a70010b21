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
  // The clamped box keeps its two-line height however long the text runs, so a resize of the box
  // does not say everything: a font that arrives late reflows the text inside the same box. (The
  // page's lang, whose Korean line breaking changes the count, is set before this draws: main.tsx.)
  useLayoutEffect(() => {
    const el = textRef.current;
    if (!el) return;
    const measure = () => {
      if (el.classList.contains('clamped')) setCut(el.scrollHeight > el.clientHeight + 1);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    document.fonts?.addEventListener('loadingdone', measure);
    return () => {
      observer.disconnect();
      document.fonts?.removeEventListener('loadingdone', measure);
    };
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
