/**
 * Reads the ways people cite a provision: "Art. 21", "Art. 6(1)(f)", "Article 12(5)",
 * "GDPR-21", "gdpr-6-1-f". Returns the provision id (e.g. gdpr-6-1-f) or null.
 */
const CITATION =
  /^(?:art(?:icle)?\.?\s*)(\d{1,3})(?:\s*\((\d{1,2})\))?(?:\s*\(([a-z]{1,3})\))?(?:\s+(?:of\s+the\s+)?gdpr)?$/i;
const ID_FORM = /^gdpr[-\s]?(\d{1,3})(?:-(\d{1,2}))?(?:-([a-z]{1,3}))?$/i;

export function provisionIdFromRef(ref: string): string | null {
  const text = ref.trim().replace(/\s+/g, ' ');
  const m = CITATION.exec(text) ?? ID_FORM.exec(text);
  if (!m) return null;
  const [, article, paragraph, point] = m;
  return ['gdpr', article, paragraph, point?.toLowerCase()]
    .filter((p) => p !== undefined && p !== '')
    .join('-');
}
