import { memo, type KeyboardEvent } from 'react';
import type { ArrowGeom } from './layout';
import { LOCK_PATH } from '../Icon';

export type StepStatus = 'past' | 'current' | 'future';

interface Props {
  arrow: ArrowGeom;
  status: StepStatus;
  inspected: boolean;
  /** The accessible name: begins with the message's name, which tests and screen readers find it by. */
  label: string;
  sizeText: string;
  timeText: string;
  gutterX: number;
  onSelect(step: number): void;
  /** Keyboard focus reached this message: bring it into view. */
  onFocusStep(step: number): void;
}

/** One message on the diagram: a focusable arrow with its name, size and time. */
export const MessageArrow = memo(function MessageArrow({
  arrow,
  status,
  inspected,
  label,
  sizeText,
  timeText,
  gutterX,
  onSelect,
  onFocusStep,
}: Props) {
  // The highlight covers the arrow and its label, which may stick out past a short arrow's ends.
  const left = arrow.self
    ? Math.min(arrow.x1, arrow.x2)
    : Math.min(arrow.x1, arrow.x2, arrow.labelX - arrow.labelWidth / 2);
  const right = arrow.self
    ? arrow.labelX + arrow.labelWidth + 8
    : Math.max(arrow.x1, arrow.x2, arrow.labelX + arrow.labelWidth / 2);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(arrow.step);
    }
  };
  const mid = { x: (arrow.x1 + arrow.x2) / 2, y: (arrow.y1 + arrow.y2) / 2 };
  return (
    <g
      className={`msg ${status} tone-${arrow.tone}${arrow.encrypted ? ' enc' : ''}${inspected ? ' inspected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-current={status === 'current' ? 'step' : undefined}
      data-step={arrow.step}
      onClick={() => onSelect(arrow.step)}
      onKeyDown={onKeyDown}
      onFocus={() => onFocusStep(arrow.step)}
    >
      <rect
        className="hit"
        x={left - 10}
        y={arrow.labelY - 19}
        width={right - left + 20}
        height={arrow.y2 - arrow.labelY + 27}
        rx={8}
      />
      <path className="shaft" d={arrow.path} markerEnd={`url(#arrowhead-${arrow.tone})`} />
      {arrow.encrypted && !arrow.self && (
        <g className="lock" transform={`translate(${mid.x - 9},${mid.y - 9})`} aria-hidden="true">
          <circle cx={9} cy={9} r={11} />
          <path d={LOCK_PATH} transform="translate(1.5,1.5) scale(0.62)" />
        </g>
      )}
      <text
        className="label"
        x={arrow.labelX}
        y={arrow.labelY}
        textAnchor={arrow.labelAnchor}
        aria-hidden="true"
      >
        {arrow.name} <tspan className="size">· {sizeText}</tspan>
        {/*
         * The time, in the gutter, is part of the same text so the words the message shows read
         * in the order of its accessible name: "ClientHello · 230 B 0 ms".
         */}{' '}
        <tspan className="time" x={gutterX - 12} y={arrow.y1 + 4} textAnchor="end">
          {timeText}
        </tspan>
      </text>
    </g>
  );
});
