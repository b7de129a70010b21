/**
 * A tab list and its one panel, in the WAI-ARIA tabs pattern: the selected tab is the only one in
 * the Tab order, the arrows move between tabs (wrapping), Home and End go to the ends. The
 * inspector and the Decode view both use it.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<Id extends string> {
  id: Id;
  label: string;
}

export function Tabs<Id extends string>({
  tabs,
  active,
  onChange,
  label,
  children,
}: {
  tabs: readonly TabItem<Id>[];
  active: Id;
  onChange(id: Id): void;
  /** The tab list's accessible name. */
  label: string;
  /** The active tab's content. */
  children: ReactNode;
}) {
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const last = tabs.length - 1;
    const next = {
      ArrowRight: i === last ? 0 : i + 1,
      ArrowLeft: i === 0 ? last : i - 1,
      Home: 0,
      End: last,
    }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    // The page's own arrow keys step through messages; here they move between tabs only.
    e.stopPropagation();
    onChange(tabs[next]!.id);
    tabRefs.current[next]?.focus();
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={label}>
        {tabs.map((x, i) => (
          <button
            key={x.id}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${x.id}`}
            aria-selected={active === x.id}
            aria-controls={`${baseId}-panel`}
            tabIndex={active === x.id ? 0 : -1}
            onClick={() => onChange(x.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {x.label}
          </button>
        ))}
      </div>
      <div
        className="tab-panel"
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${active}`}
        tabIndex={0}
      >
        {children}
      </div>
    </>
  );
}
