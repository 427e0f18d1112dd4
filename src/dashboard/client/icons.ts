/// <reference lib="dom" />
/**
 * A shape per right status, drawn as inline SVG in the text colour: the statuses stay apart in
 * greyscale and for colour-blind readers, and no font has to carry a glyph.
 */
import { svg } from './dom.js';
import type { RightStatus } from './gql/graphql.js';

const STROKE = {
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': 2,
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
};

/** What each status looks like: a tick, an envelope, a euro sign, a cross, a barred circle, a question mark. */
const SHAPES: Record<RightStatus, () => SVGElement[]> = {
  IN_PRODUCT: () => [svg('path', { d: 'M3 8.5 6.5 12 13 4.5', ...STROKE, 'stroke-width': 2.4 })],
  ON_REQUEST: () => [
    svg('rect', {
      x: 1.8,
      y: 3.5,
      width: 12.4,
      height: 9,
      rx: 1.2,
      ...STROKE,
      'stroke-width': 1.6,
    }),
    svg('path', { d: 'M2.5 4.5 8 9l5.5-4.5', ...STROKE, 'stroke-width': 1.6 }),
  ],
  PAID_ONLY: () => [
    svg('path', { d: 'M12.5 4.3A5 5 0 1 0 12.5 11.7', ...STROKE, 'stroke-width': 1.9 }),
    svg('path', { d: 'M2 6.8h7M2 9.2h7', ...STROKE, 'stroke-width': 1.6 }),
  ],
  UNAVAILABLE: () => [svg('path', { d: 'M4 4l8 8M12 4l-8 8', ...STROKE, 'stroke-width': 2.4 })],
  NOT_APPLICABLE: () => [
    svg('circle', { cx: 8, cy: 8, r: 5.6, ...STROKE, 'stroke-width': 1.6 }),
    svg('path', { d: 'M4.1 11.9 11.9 4.1', ...STROKE, 'stroke-width': 1.6 }),
  ],
  UNKNOWN: () => [
    svg('path', { d: 'M5.3 5.8a2.7 2.7 0 1 1 3.9 2.4c-.8.4-1.2.9-1.2 1.8v.4', ...STROKE }),
    svg('circle', { cx: 8, cy: 13.2, r: 1.15, fill: 'currentColor' }),
  ],
};

/** The status's shape, hidden from screen readers: its words are always next to it. */
export function statusIcon(status: RightStatus): SVGSVGElement {
  return svg(
    'svg',
    {
      class: 'icon status-icon',
      viewBox: '0 0 16 16',
      width: 14,
      height: 14,
      'aria-hidden': 'true',
      focusable: 'false',
      'data-icon': status,
    },
    SHAPES[status](),
  );
}

/** A flag: a source disputes what the cell or finding says. */
export function disputeIcon(): SVGSVGElement {
  return svg(
    'svg',
    {
      class: 'icon dispute-icon',
      viewBox: '0 0 16 16',
      width: 12,
      height: 12,
      'aria-hidden': 'true',
      focusable: 'false',
    },
    svg('path', { d: 'M4 14.5V2', ...STROKE, 'stroke-width': 1.8 }),
    svg('path', { d: 'M4 2.5h8.5l-2 3 2 3H4z', fill: 'currentColor' }),
  );
}
