/**
 * An ordered list of choices, like a ClientHello's cipher_suites: every choice has a checkbox
 * (offered or not), and the offered ones have up and down buttons that move them in the order of
 * preference. Everything works from the keyboard; after a move, focus stays on the moved choice.
 */
import { Fragment, useLayoutEffect, useRef, useState } from 'react';
import { useStrings } from '../hooks';
import { format } from '../i18n';
import { keepPlaces, moveItem, toggleInPlace } from './lists';

export interface Choice {
  id: number;
  name: string;
}

interface Props {
  legend: string;
  choices: readonly Choice[];
  /** The offered choices' ids, most preferred first. */
  value: readonly number[];
  onChange(value: number[]): void;
}

const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

/** A long IANA name may wrap after any underscore, never inside a word. */
function breakable(name: string) {
  return name.split('_').map((part, i) => (
    <Fragment key={i}>
      {i > 0 && (
        <>
          _<wbr />
        </>
      )}
      {part}
    </Fragment>
  ));
}

export function ReorderableList({ legend, choices, value, onChange }: Props) {
  const t = useStrings();
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const refocus = useRef<{ id: number; dir: 'up' | 'down' } | undefined>(undefined);

  // The rows as last drawn, with the offered choices in their order: unticking a choice leaves it
  // where it is (keepPlaces), so the list does not jump under the pointer.
  const [shown, setShown] = useState<readonly number[]>([]);
  const order = keepPlaces(
    shown,
    value,
    choices.map((c) => c.id),
  );
  // Remembered for the next change (React's "information from previous renders" pattern).
  if (order.length !== shown.length || order.some((id, i) => id !== shown[i])) setShown(order);
  const rows = order.map((id) => choices.find((c) => c.id === id)!);

  useLayoutEffect(() => {
    const want = refocus.current;
    if (!want) return;
    refocus.current = undefined;
    const same = buttons.current.get(`${want.id}-${want.dir}`);
    const other = buttons.current.get(`${want.id}-${want.dir === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
  });

  const move = (id: number, dir: 'up' | 'down') => {
    refocus.current = { id, dir };
    onChange(moveItem(value, id, dir === 'up' ? -1 : 1));
  };

  return (
    <fieldset className="reorder">
      <legend>{legend}</legend>
      <ol>
        {rows.map((c) => {
          const rank = value.indexOf(c.id);
          const on = rank >= 0;
          return (
            <li key={c.id} className={on ? 'on' : 'off'}>
              <span className="rank" aria-hidden="true">
                {on ? rank + 1 : ''}
              </span>
              <label className="reorder-name">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={() => onChange(toggleInPlace(order, value, c.id))}
                />
                <span>
                  {breakable(c.name)} <span className="code">{hex4(c.id)}</span>
                </span>
              </label>
              <span className="reorder-buttons">
                <button
                  ref={(el) => {
                    buttons.current.set(`${c.id}-up`, el);
                  }}
                  type="button"
                  className="icon-button tiny"
                  aria-label={format(t.lab.moveUp, { name: c.name })}
                  title={format(t.lab.moveUp, { name: c.name })}
                  disabled={!on || rank === 0}
                  onClick={() => move(c.id, 'up')}
                >
                  <span aria-hidden="true">▲</span>
                </button>
                <button
                  ref={(el) => {
                    buttons.current.set(`${c.id}-down`, el);
                  }}
                  type="button"
                  className="icon-button tiny"
                  aria-label={format(t.lab.moveDown, { name: c.name })}
                  title={format(t.lab.moveDown, { name: c.name })}
                  disabled={!on || rank === value.length - 1}
                  onClick={() => move(c.id, 'down')}
                >
                  <span aria-hidden="true">▼</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
