/**
 * The ways people cite a provision, read into a provision id. Provisions are namespaced by
 * the regulation they belong to: "DMA Art. 5(2)" is dma-5-2, "Art. 5(2)" alone is the GDPR's
 * (gdpr-5-2), and an id (gdpr-5-2, dma-5-2) is accepted wherever a citation is.
 */

/** Short names people use for a regulation, mapped to its id in the graph. */
const REGULATION_ALIASES: Record<string, string> = {
  gdpr: 'gdpr',
  rgpd: 'gdpr',
  dsgvo: 'gdpr',
  dma: 'dma',
  'digital markets act': 'dma',
  dsa: 'dsa',
  'digital services act': 'dsa',
  'ai act': 'ai-act',
  'ai-act': 'ai-act',
  'eu ai act': 'ai-act',
  eprivacy: 'eprivacy',
  'eprivacy directive': 'eprivacy',
};

const ARTICLE = String.raw`art(?:icle)?\.?\s*(\d{1,3})(?:\s*\((\d{1,2})\))?(?:\s*\(([a-z]{1,3})\))?`;
/** "DMA Art. 5(2)", "Art. 5(2)", "Article 12(5)". */
const PREFIXED = new RegExp(`^(?:([a-z][a-z -]{0,40}?)\\s+)?${ARTICLE}$`, 'i');
/** "Art. 5(2) DMA", "Article 12(5) of the GDPR". */
const SUFFIXED = new RegExp(`^${ARTICLE}\\s+(?:of\\s+(?:the\\s+)?)?([a-z][a-z -]{0,40})$`, 'i');
/** An id: "gdpr-21-1", "dma-5-2", "ai-act-53-1-d", "GDPR-21". */
const ID_FORM =
  /^([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)[-\s](\d{1,3})(?:-(\d{1,2}))?(?:-([a-z]{1,3}))?$/i;

/**
 * The regulation id a name or id says ("GDPR", "RGPD", "AI Act", "ai-act"), or null when it is
 * neither; no name is the GDPR.
 */
export function regulationId(name: string | undefined): string | null {
  if (name === undefined || name.trim() === '') return 'gdpr';
  const key = name.trim().toLowerCase().replace(/\s+/g, ' ');
  if (REGULATION_ALIASES[key]) return REGULATION_ALIASES[key];
  // Any other regulation is named by its id ("bdsg Art. 26").
  return /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(key) ? key : null;
}

function join(regulation: string, article: string, paragraph?: string, point?: string): string {
  return [
    regulation,
    String(Number(article)),
    paragraph && String(Number(paragraph)),
    point?.toLowerCase(),
  ]
    .filter((p) => p !== undefined && p !== '')
    .join('-');
}

/** The provision id a citation or id names, or null when it is neither. */
export function provisionIdFromRef(ref: string): string | null {
  const text = ref.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > 120) return null;
  const prefixed = PREFIXED.exec(text);
  if (prefixed) {
    const [, name, article, paragraph, point] = prefixed;
    const regulation = regulationId(name);
    return regulation && article ? join(regulation, article, paragraph, point) : null;
  }
  const suffixed = SUFFIXED.exec(text);
  if (suffixed) {
    const [, article, paragraph, point, name] = suffixed;
    const regulation = regulationId(name);
    return regulation && article ? join(regulation, article, paragraph, point) : null;
  }
  const id = ID_FORM.exec(text);
  if (id) {
    const [, name, article, paragraph, point] = id;
    const regulation = regulationId(name?.replace(/-/g, ' ')) ?? name?.toLowerCase() ?? null;
    return regulation && article ? join(regulation, article, paragraph, point) : null;
  }
  return null;
}

/** "Art. 6(1)(f)" from its parts. */
export function provisionRef(article: number, paragraph?: number, point?: string): string {
  return `Art. ${article}${paragraph === undefined ? '' : `(${paragraph})`}${point === undefined ? '' : `(${point})`}`;
}
