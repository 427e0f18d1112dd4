/// <reference lib="dom" />
/** Incidents per provision, per authority and per month, as plain SVG bar charts. */
import { request } from './api.js';
import { h, longDate, svg } from './dom.js';
import type { DashboardStatsQuery } from './gql/graphql.js';
import { StatsQuery } from './queries.js';

type Stats = DashboardStatsQuery['stats'];

export async function loadStats(to: string, signal?: AbortSignal): Promise<Stats> {
  return (await request(StatsQuery, { to }, signal)).stats;
}

interface Bar {
  label: string;
  value: number;
  title?: string;
}

const BAR = 22;
const GAP = 6;
const WIDTH = 480;
/** About how wide a character of the 11px labels is, to size the label column. */
const CHAR = 6.2;

/** Horizontal bars, one a row, with the count written at the end of each bar. */
function horizontalBars(id: string, title: string, bars: Bar[]): HTMLElement {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const longest = Math.max(0, ...bars.map((b) => Math.min(b.label.length, 44)));
  const LABEL_WIDTH = Math.min(280, Math.max(80, Math.ceil(longest * CHAR) + 12));
  const scale = (WIDTH - LABEL_WIDTH - 40) / max;
  const height = Math.max(1, bars.length) * (BAR + GAP);
  const chart = svg(
    'svg',
    {
      viewBox: `0 0 ${WIDTH} ${height}`,
      width: WIDTH,
      height,
      role: 'img',
      'aria-labelledby': `${id}-title`,
    },
    bars.map((b, i) => {
      const y = i * (BAR + GAP);
      const label = b.label.length > 44 ? `${b.label.slice(0, 43)}…` : b.label;
      return svg(
        'g',
        { class: 'bar', 'data-label': b.label, 'data-value': b.value },
        svg('title', {}, `${b.title ?? b.label}: ${b.value} incident${b.value === 1 ? '' : 's'}`),
        svg(
          'text',
          {
            x: LABEL_WIDTH - 8,
            y: y + BAR / 2,
            class: 'bar-label',
            'text-anchor': 'end',
            'dominant-baseline': 'middle',
          },
          label,
        ),
        svg('rect', { x: LABEL_WIDTH, y, width: Math.max(2, b.value * scale), height: BAR, rx: 3 }),
        svg(
          'text',
          {
            x: LABEL_WIDTH + b.value * scale + 6,
            y: y + BAR / 2,
            class: 'bar-value',
            'dominant-baseline': 'middle',
          },
          String(b.value),
        ),
      );
    }),
  );
  return figure(id, title, bars, chart);
}

/** Vertical bars in date order, for months. */
function columns(id: string, title: string, bars: Bar[]): HTMLElement {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const col = 28;
  const plot = 140;
  // Room on the left for the first slanted month label.
  const left = 36;
  const width = Math.max(WIDTH, left + bars.length * (col + GAP) + GAP);
  const height = plot + 56;
  const chart = svg(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-labelledby': `${id}-title`,
    },
    bars.map((b, i) => {
      const x = left + i * (col + GAP);
      const barHeight = Math.max(2, (b.value / max) * (plot - 18));
      return svg(
        'g',
        { class: 'bar', 'data-label': b.label, 'data-value': b.value },
        svg('title', {}, `${b.title ?? b.label}: ${b.value} incident${b.value === 1 ? '' : 's'}`),
        svg('rect', { x, y: plot - barHeight, width: col, height: barHeight, rx: 3 }),
        svg(
          'text',
          { x: x + col / 2, y: plot - barHeight - 4, class: 'bar-value', 'text-anchor': 'middle' },
          String(b.value),
        ),
        svg(
          'text',
          {
            x: x + col / 2,
            y: plot + 10,
            class: 'bar-label month',
            'text-anchor': 'end',
            transform: `rotate(-50 ${x + col / 2} ${plot + 10})`,
          },
          b.label,
        ),
      );
    }),
  );
  return figure(id, title, bars, chart);
}

function figure(id: string, title: string, bars: Bar[], chart: SVGSVGElement): HTMLElement {
  return h(
    'figure',
    { class: 'chart', id },
    h('figcaption', { id: `${id}-title` }, title),
    bars.length === 0 ? h('p', { class: 'hint' }, 'No incidents.') : chart,
  );
}

export function renderCharts(stats: Stats, to: string): HTMLElement[] {
  return [
    h(
      'p',
      { class: 'count', 'data-count': stats.incidentCount },
      `${stats.incidentCount} incidents up to ${longDate(to)}.`,
    ),
    h(
      'div',
      { class: 'charts' },
      horizontalBars(
        'chart-provisions',
        'Incidents per provision cited',
        stats.incidentsPerProvision.map((p) => ({
          label: p.provision.ref,
          value: p.count,
          title: `${p.provision.ref} ${p.provision.title}`,
        })),
      ),
      horizontalBars(
        'chart-authorities',
        'Incidents per authority',
        stats.incidentsPerAuthority.map((a) => ({ label: a.authority.name, value: a.count })),
      ),
      columns(
        'chart-months',
        'Incidents per month (months with none left out)',
        stats.incidentsPerMonth.map((m) => ({ label: m.month, value: m.count })),
      ),
    ),
  ];
}
