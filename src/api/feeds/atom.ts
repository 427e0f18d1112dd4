/**
 * Writes an Atom 1.0 feed (RFC 4287). Hand-written rather than with the `feed` package: its
 * current versions are ES modules only (this build is CommonJS), and its last CommonJS one
 * writes titles and summaries as `type="html"` CDATA, so a feed reader would render any markup
 * in our plain-text statements as HTML. Atom's required elements are few; what matters is the
 * escaping, which is here, once: every text and attribute goes through `xml()`.
 */
export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

export interface AtomEntry {
  /** A permanent IRI (a tag: URI): the same entry keeps it when it is updated. */
  id: string;
  title: string;
  updated: Date;
  published?: Date | null;
  /** Where the entry's facts come from: the rel="alternate" link. */
  link: string;
  /** Further sources, as rel="related" links. */
  related?: string[];
  summary: string;
  categories?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string | null;
  updated: Date;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** A page about the feed's subject (rel="alternate"), when there is one. */
  alternate?: string | null;
  author: { name: string; uri?: string | null };
  generator?: { name: string; version: string } | null;
  entries: AtomEntry[];
}

/** Characters XML 1.0 does not allow at all, even escaped (C0 controls, lone surrogates...). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text or an attribute value, escaped: safe between tags and inside double or single quotes. */
export function xml(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const element = (name: string, text: string, indent: string): string =>
  `${indent}<${name}>${xml(text)}</${name}>\n`;

const textElement = (name: string, text: string, indent: string): string =>
  `${indent}<${name} type="text">${xml(text)}</${name}>\n`;

const link = (rel: string, href: string, indent: string, type?: string): string =>
  `${indent}<link rel="${xml(rel)}" href="${xml(href)}"${type ? ` type="${xml(type)}"` : ''}/>\n`;

/** RFC 3339, as Atom's date constructs require. */
const date = (d: Date): string => d.toISOString();

export function renderAtom(feed: AtomFeed): string {
  let out = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="${ATOM_NAMESPACE}">\n`;
  out += element('id', feed.id, '  ');
  out += textElement('title', feed.title, '  ');
  if (feed.subtitle) out += textElement('subtitle', feed.subtitle, '  ');
  out += element('updated', date(feed.updated), '  ');
  out += link('self', feed.self, '  ', 'application/atom+xml');
  if (feed.alternate) out += link('alternate', feed.alternate, '  ');
  out += '  <author>\n';
  out += element('name', feed.author.name, '    ');
  if (feed.author.uri) out += element('uri', feed.author.uri, '    ');
  out += '  </author>\n';
  if (feed.generator)
    out += `  <generator version="${xml(feed.generator.version)}">${xml(feed.generator.name)}</generator>\n`;
  for (const entry of feed.entries) {
    out += '  <entry>\n';
    out += element('id', entry.id, '    ');
    out += textElement('title', entry.title, '    ');
    out += element('updated', date(entry.updated), '    ');
    if (entry.published) out += element('published', date(entry.published), '    ');
    out += link('alternate', entry.link, '    ');
    for (const href of entry.related ?? []) out += link('related', href, '    ');
    for (const term of entry.categories ?? []) out += `    <category term="${xml(term)}"/>\n`;
    out += textElement('summary', entry.summary, '    ');
    out += '  </entry>\n';
  }
  return `${out}</feed>\n`;
}
