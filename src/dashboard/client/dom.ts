/// <reference lib="dom" />
/**
 * A tiny element builder. Text always goes in as text nodes, never as HTML, so data from
 * the graph cannot inject markup; links are only made for http(s) URLs.
 */

export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(el: Element, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** The URL when it is http(s); anything else (javascript:, data:) is not linked. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link that opens outside the dashboard, or plain text when the URL is not http(s). */
export function externalLink(url: string, ...children: (Child | Child[])[]): HTMLElement {
  const href = safeHref(url);
  if (!href) return h('span', {}, ...children);
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the dashboard page has no #${id}`);
  return el as T;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** "1 February 2025" for 2025-02-01; dates are calendar dates, read in UTC so that none shifts. */
export function longDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : LONG_DATE.format(date);
}

const MONTH_YEAR = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * A partial date as precise as it is known: "2025" stays a year, "2025-02" reads "February
 * 2025" (never a made-up first day), "2025-02-13" reads "13 February 2025".
 */
export function partialDate(value: string): string {
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) {
    const date = new Date(`${value}-01T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : MONTH_YEAR.format(date);
  }
  return longDate(value);
}

/** A `<time>` for a partial date, with its precision for styles and tests. */
export function partialTime(value: string): HTMLTimeElement {
  const precision = value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
  return h('time', { datetime: value, 'data-precision': precision }, partialDate(value));
}

/** When a source was published, or "undated" for a page that prints no date. */
export function publishedTime(value: string | null): HTMLElement {
  return value === null ? h('span', { class: 'undated' }, 'undated') : partialTime(value);
}

/**
 * The first day of a partial date, as the API counts it ("an entry known to the month counts
 * from its first day"), for comparing with a calendar date.
 */
export function partialDateStart(value: string): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}

export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);
