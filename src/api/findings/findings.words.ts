/**
 * Findings, composed from the facts a rule returned (findings.rules.ts): their standing (do
 * they rest on confirmed facts or on allegations?), their provisions, and their explanation,
 * in words that attribute every disputed claim to whoever makes it, with the other side beside it.
 */
import type { EvidenceClaim, RightStatus, VerificationLevel } from '../../graph/model';
import { firstDay, lastDay } from '../../graph/partial-date';
import { FINDING_KINDS, findingIdPrefix, type FindingKind } from './findings.rules';

export interface EvidenceFact {
  stance: 'SUPPORTS' | 'DISPUTES';
  claim: EvidenceClaim;
  right: string | null;
  alternative: string | null;
  claimant: string | null;
  publisher: string;
}

export interface IncidentFact {
  id: string;
  kind: string;
  date: string;
  authority: string | null;
}

export interface PracticeFact {
  id: string;
  verification: VerificationLevel;
  default: string;
  validFrom: string | null;
  inForceFrom: string;
  status: RightStatus | null;
  mechanism: string | null;
  evidence: EvidenceFact[];
  incidents: IncidentFact[];
}

export interface PlanFact {
  id: string;
  name: string;
  paid: boolean | null;
}

export interface RuleFacts {
  kind: FindingKind;
  company: { id: string; name: string };
  product: { id: string; name: string };
  purpose: { id: string; name: string };
  right: { code: string; name: string; grantedBy: string[]; openedBy: string[] } | null;
  rightDependsOnBasis: boolean;
  plans: PlanFact[];
  practice: PracticeFact;
  others: { plan: PlanFact; practice: PracticeFact }[];
  basis: { id: string; name: string; definedBy: string | null } | null;
  dataCategories?: string[];
  /** TRAINING_ON_BY_DEFAULT: how the practice handles the right to object, if a source says. */
  objection?: { status: RightStatus; mechanism: string | null } | null;
}

export const FINDING_STANDINGS = ['ESTABLISHED', 'ALLEGED', 'UNCONFIRMED'] as const;
export type FindingStanding = (typeof FINDING_STANDINGS)[number];

export interface ComposedFinding {
  id: string;
  kind: FindingKind;
  title: string;
  explanation: string;
  standing: FindingStanding;
  verification: VerificationLevel;
  legalBasisEstablished: boolean;
  disputed: boolean;
  company: string;
  companyName: string;
  product: string;
  purpose: string;
  plans: string[];
  practices: string[];
  right: string | null;
  basis: string | null;
  provisions: string[];
}

export const FINDING_TITLES: Record<FindingKind, string> = {
  RIGHT_CONDITIONED_ON_PAYMENT: 'A right is conditioned on payment',
  RIGHT_ONLY_ON_REQUEST:
    'A right is exercisable only on request where another plan offers it in the product',
  NO_WAY_TO_OBJECT: 'No way to object to processing that the right to object covers',
  TRAINING_ON_BY_DEFAULT: 'User content trains AI models by default',
};

export const FINDING_DESCRIPTIONS: Record<FindingKind, string> = {
  RIGHT_CONDITIONED_ON_PAYMENT:
    'On one plan a right is withheld (only by paying, or not at all) while a paid plan of the same product grants it, for the same purpose, both on the date asked. Only for rights Art. 12(5) GDPR covers (Arts. 15 to 22), and, for a right that depends on the legal basis, when the basis opens it (or is not established, which the finding says). Art. 12(5) makes exercising these rights free of charge.',
  RIGHT_ONLY_ON_REQUEST:
    'On one plan a right can be exercised only on request (e-mail, form, support) while another plan of the same product offers it in the product, for the same purpose, on the date asked. Art. 12(2) GDPR requires the controller to facilitate the exercise of rights (on business plans the customer organisation may be the controller, the company its processor bound to assist it, Art. 28(3)(e)); for objection, Art. 21(4) and (5) add that it be brought to attention and can be exercised by automated means. Never a payment finding.',
  NO_WAY_TO_OBJECT:
    'Processing holds on the date with no way to object, on a legal basis that opens the right to object (legitimate interest or public interest, Art. 6(1)(e) or (f)) or on a basis the sources do not establish (which the finding says). Art. 21(1) GDPR gives that right.',
  TRAINING_ON_BY_DEFAULT:
    'User content trains AI models without the user acting (on by default rather than opt-in), on the date asked; the finding says how the sources let the user opt out, or that they do not say. What follows depends on the legal basis, which the finding names or says is not established: consent needs an affirmative act (Arts. 4(11) and 7); on legitimate interest, people must be able to object (Art. 21).',
};

const STATUS_WORDS: Record<RightStatus, string> = {
  IN_PRODUCT: 'can be exercised in the product',
  ON_REQUEST: 'can be exercised only on request',
  PAID_ONLY: 'can be exercised only by paying',
  UNAVAILABLE: 'cannot be exercised',
  NOT_APPLICABLE: 'does not apply',
  UNKNOWN: 'is not described',
};
const statusWords = (status: string | null): string =>
  status && status in STATUS_WORDS
    ? STATUS_WORDS[status as RightStatus]
    : `is ${status ?? 'unknown'}`;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "12 February 2025", "February 2025" or "2025", as precise as the date is. */
export function dateWords(partial: string): string {
  const [y, m, d] = partial.split('-');
  if (m === undefined) return y ?? partial;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

const lcfirst = (s: string): string =>
  /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;

function list(items: string[], conjunction = 'and'): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} ${conjunction} ${unique[unique.length - 1]}`;
}

/** "User prompts" for "User prompts (input data)": a name without its gloss, mid-sentence. */
const bare = (name: string): string => lcfirst(name.replace(/\s*\([^)]*\)\s*$/, ''));

/**
 * What a disputing source claims instead, in words, by the claim it disputes; `right` names the
 * right a RIGHT claim is about ("the right to object").
 */
function alternativeWords(e: EvidenceFact, right: string): string {
  const alt = e.alternative ?? '';
  switch (e.claim) {
    case 'RIGHT':
      return alt === 'ON_REQUEST'
        ? `${right} can be exercised on request (e-mail, form or support)`
        : alt in STATUS_WORDS
          ? `${right} ${STATUS_WORDS[alt as RightStatus]}`
          : alt;
    case 'DEFAULT':
      return alt === 'OFF'
        ? 'the processing happens only if the user opts in'
        : alt === 'NEVER'
          ? 'the processing does not happen'
          : alt === 'ON'
            ? 'the processing happens unless the user opts out'
            : alt;
    case 'VALID_FROM':
      return `it started ${/^\d{4}/.test(alt) ? `in ${dateWords(alt)}` : alt}`;
    case 'VALID_TO':
      return `it ended ${/^\d{4}/.test(alt) ? `in ${dateWords(alt)}` : alt}`;
    case 'LEGAL_BASIS':
      return `the legal basis is ${lcfirst(alt)}`;
    case 'WHOLE':
    case 'SCOPE':
    case 'DATA_CATEGORIES':
    case 'PRICE':
    case 'LAUNCHED':
    case 'DATE':
    case 'STATUS':
    case 'AMOUNT':
    case 'OUTCOME':
      return lcfirst(alt);
  }
}

/** The evidence of a practice that speaks to one claim (the whole practice counts for every claim). */
function onClaim(
  p: PracticeFact,
  claims: readonly EvidenceClaim[],
  right: string | null,
  stance: 'SUPPORTS' | 'DISPUTES',
) {
  return p.evidence.filter(
    (e) =>
      e.stance === stance &&
      (e.claim === 'WHOLE' ||
        (claims.includes(e.claim) && (e.claim !== 'RIGHT' || e.right === right))),
  );
}

/**
 * Whether a disputing source's other date changes whether the practice holds on the date asked.
 * A start dated to a period over by then, or an end to one not begun, agrees that the practice
 * holds on that date: a finding as of that date does not rest on the dispute (Anthropic's
 * consumer training, dated September or October 2025 by different sources, holds in 2026 on
 * either). A date is a period, read as claiming least: its last day for a start, its first for an
 * end. Validation keeps these alternatives to real dates (validate.ts).
 */
function bearsOn(e: EvidenceFact, asOf: string): boolean {
  if (e.alternative === null) return true;
  if (e.claim === 'VALID_FROM') return lastDay(e.alternative) > asOf;
  if (e.claim === 'VALID_TO') return firstDay(e.alternative) <= asOf;
  return true;
}

const weakest = (levels: VerificationLevel[]): VerificationLevel =>
  levels.includes('UNVERIFIED')
    ? 'UNVERIFIED'
    : levels.includes('SECONDARY')
      ? 'SECONDARY'
      : 'VERIFIED';

/**
 * Who asserts a disputed claim, as the words that lead into it: the complaints about the
 * practice ("a complaint to the CNIL (10 February 2025) argues that"), else the publishers
 * that support it ("according to Sifted and Clubic,").
 */
function assertedBy(p: PracticeFact, supporting: EvidenceFact[]): string {
  const complaints = p.incidents.filter((i) => i.kind === 'COMPLAINT');
  if (complaints.length > 0)
    return `${list(
      complaints.map(
        (c) =>
          `a complaint${c.authority ? ` to ${authorityWords(c.authority)}` : ''} (${dateWords(c.date)})`,
      ),
    )} argue${complaints.length > 1 ? '' : 's'} that`;
  const publishers = list(supporting.map((e) => e.publisher));
  return publishers ? `according to ${publishers},` : 'the sources say that';
}

/** "the CNIL" for "Commission nationale de l'informatique et des libertés (CNIL)". */
function authorityWords(name: string): string {
  const short = /\(([^)]+)\)\s*$/.exec(name)?.[1];
  return short ? `the ${short}` : name;
}

/**
 * The other side, attributed: "Mistral AI disputes this: it states that the right to object can be
 * exercised on request (L'Éclaireur Fnac, Mac4Ever)."
 */
function otherSide(disputing: EvidenceFact[], right: string): string {
  const claimsOf = (items: EvidenceFact[]) =>
    list(items.filter((e) => e.alternative).map((e) => alternativeWords(e, right)));
  const sentences: string[] = [];
  // A party's claims, in its name, with the publishers that carry them.
  const voiced = disputing.filter((e) => e.claimant !== null);
  for (const [voice, items] of groupedBy(voiced, (e) => e.claimant)) {
    const claims = claimsOf(items);
    sentences.push(
      `${voice} disputes this${claims ? `: it states that ${claims}` : ''} (${list(items.map((e) => e.publisher))}).`,
    );
  }
  // Publishers in their own name: each says what it reports, and only publishers that report the
  // same are named together ("A and B report that x. C reports that y.", not "A, B and C report
  // that x and y").
  const unvoiced = disputing.filter((e) => e.claimant === null);
  const reports = [...groupedBy(unvoiced, (e) => e.publisher)].map(([publisher, items]) => ({
    publisher,
    claims: claimsOf(items),
  }));
  for (const [claims, group] of groupedBy(reports, (r) => r.claims)) {
    const publishers = list(group.map((r) => r.publisher));
    const one = group.length === 1;
    sentences.push(
      claims
        ? `${publishers} report${one ? 's' : ''} that ${claims}.`
        : `${publishers} dispute${one ? 's' : ''} this.`,
    );
  }
  return sentences.join(' ');
}

/**
 * Items grouped by a key, groups and items in first-seen order. Not Map.groupBy: Node 20, which
 * the project supports, does not have it.
 */
function groupedBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * The claims of a practice a finding rests on. A disputed default disputes every rule's premise:
 * processing that the sources of one side say does not happen leaves no right to withhold,
 * compare or object to. TRAINING_ON_BY_DEFAULT also states what data trains the models and how
 * the user stops it, so disputes of the data categories count for it, and those of the right to
 * object (findingRight).
 */
const practiceClaims = (kind: FindingKind, basisUsed: boolean): EvidenceClaim[] => [
  'RIGHT',
  'VALID_FROM',
  'VALID_TO',
  'SCOPE',
  'DEFAULT',
  ...(basisUsed ? (['LEGAL_BASIS'] as const) : []),
  ...(kind === 'TRAINING_ON_BY_DEFAULT' ? (['DATA_CATEGORIES'] as const) : []),
];

/**
 * The right whose disputes (claim RIGHT) a finding rests on: the right it is about, or, for
 * TRAINING_ON_BY_DEFAULT, the right to object, whose handling its words state ("unless the user
 * opts out ...").
 */
const findingRight = (f: RuleFacts): string | null =>
  f.kind === 'TRAINING_ON_BY_DEFAULT' ? 'OBJECT' : (f.right?.code ?? null);

/**
 * What an unconfirmed finding rests on (seeds/README.md: SECONDARY is one secondary source or
 * the curators' reading): its words state the facts as the sources give them, so they say so.
 */
const UNCONFIRMED_WORDS: Record<Exclude<VerificationLevel, 'VERIFIED'>, string> = {
  SECONDARY:
    "Not confirmed: this rests on a single secondary source or on the curators' reading of the sources.",
  UNVERIFIED: 'Not confirmed: this rests on sources that have not been verified.',
};

/** A right's mechanism as a parenthesis, without its closing full stop; nothing when none. */
const inParentheses = (mechanism: string | null | undefined): string =>
  mechanism ? ` (${mechanism.replace(/\.$/, '')})` : '';

function provisionsOfBasis(basis: RuleFacts['basis']): string[] {
  return basis?.definedBy ? [basis.definedBy] : [];
}

/** The sentence on the legal basis, for a right that depends on it. */
function basisSentence(f: RuleFacts): string {
  if (!f.right || !f.rightDependsOnBasis) return '';
  if (f.basis)
    return ` The practice rests on ${lcfirst(f.basis.name)}, which opens the ${lcfirst(f.right.name)}.`;
  return ` The legal basis is not established in the sources; the ${lcfirst(f.right.name)} applies only to processing on ${list(f.right.openedBy.map(lcfirst), 'or')}.`;
}

/**
 * How a user stops training that is on by default, as the sources record the right to object on
 * the practice: an opt-out is said only where one is recorded, never assumed.
 */
function optOutWords(objection: RuleFacts['objection']): string {
  const how = inParentheses(objection?.mechanism);
  switch (objection?.status) {
    case 'IN_PRODUCT':
      return `unless the user opts out${how}`;
    case 'ON_REQUEST':
      // Not "unless": the sources of a request often do not say that objecting stops the
      // training (Reddit's and Stack Overflow's licences to third parties).
      return `by default; the user can object on request${how}`;
    case 'PAID_ONLY':
      return `by default; the user can opt out only by paying${how}`;
    case 'UNAVAILABLE':
      return `by default, and the sources say the user cannot opt out${how}`;
    case 'NOT_APPLICABLE':
      return `by default; the sources record the right to object as not applying${how}`;
    case 'UNKNOWN':
    case undefined:
      return 'by default; the sources do not say how the user can opt out';
  }
}

/** The rule a finding id names (webhooks filter changes by rule, and events carry only ids). */
export function findingKindOfId(id: string): FindingKind | null {
  const prefix = id.slice(0, id.indexOf(':'));
  return FINDING_KINDS.find((kind) => findingIdPrefix(kind) === prefix) ?? null;
}

/** Composes one finding from its rule's facts, as of the date asked. */
export function composeFinding(f: RuleFacts, asOf: string): ComposedFinding {
  const right = f.right;
  const code = right?.code ?? null;
  const basisUsed =
    f.kind === 'TRAINING_ON_BY_DEFAULT'
      ? f.basis !== null
      : f.rightDependsOnBasis && f.basis !== null;
  const claims = practiceClaims(f.kind, basisUsed);
  const claimedRight = findingRight(f);
  const practices = [f.practice, ...f.others.map((o) => o.practice)];
  const disputesOf = (p: PracticeFact) =>
    onClaim(p, claims, claimedRight, 'DISPUTES').filter((e) => bearsOn(e, asOf));
  const subjectDisputes = disputesOf(f.practice);
  const othersDisputed = f.others.some((o) => disputesOf(o.practice).length > 0);
  const disputed = subjectDisputes.length > 0 || othersDisputed;
  const verification = weakest(practices.map((p) => p.verification));
  const standing: FindingStanding = disputed
    ? 'ALLEGED'
    : verification === 'VERIFIED'
      ? 'ESTABLISHED'
      : 'UNCONFIRMED';
  const legalBasisEstablished = f.basis !== null;

  const plans = list(f.plans.map((p) => p.name));
  const where = `As of ${dateWords(asOf)}, on ${plans} (${f.company.name}), for ${lcfirst(f.purpose.name)},`;
  const supporting = onClaim(f.practice, claims, claimedRight, 'SUPPORTS');
  const intro = subjectDisputes.length > 0 ? ` ${assertedBy(f.practice, supporting)}` : '';
  const rightWords = f.right
    ? `the ${lcfirst(f.right.name)}`
    : claimedRight === 'OBJECT'
      ? 'the right to object'
      : 'the right';
  const dispute = subjectDisputes.length > 0 ? ` ${otherSide(subjectDisputes, rightWords)}` : '';
  const othersText = f.others
    .map(
      (o) =>
        `${o.plan.name} ${o.practice.status === 'ON_REQUEST' ? 'on request' : 'in the product'}`,
    )
    .join('; ');
  const othersDispute = othersDisputed
    ? ' What the sources say of the other plans is disputed too (see the evidence).'
    : '';

  let explanation: string;
  let provisions: string[];
  switch (f.kind) {
    case 'RIGHT_CONDITIONED_ON_PAYMENT': {
      explanation =
        `${where}${intro} the ${lcfirst(right!.name)} ${statusWords(f.practice.status)}, while paid plans grant it at no extra cost (${othersText}).` +
        `${dispute}${othersDispute} Exercising the rights of Arts. 15 to 22 must be free of charge (Art. 12(5) GDPR)` +
        `${disputed ? '; if the first account holds, this right is conditioned on payment.' : ': here it is conditioned on payment.'}` +
        basisSentence(f);
      provisions = [
        'gdpr-12-5',
        ...right!.grantedBy,
        ...(f.rightDependsOnBasis ? provisionsOfBasis(f.basis) : []),
      ];
      break;
    }
    case 'RIGHT_ONLY_ON_REQUEST': {
      const objection = code === 'OBJECT';
      explanation =
        `${where}${intro} the ${lcfirst(right!.name)} ${statusWords(f.practice.status)}${inParentheses(f.practice.mechanism)}, while other plans offer it in the product (${othersText}).` +
        `${dispute}${othersDispute} The controller must facilitate the exercise of rights (Art. 12(2) GDPR; where the company processes the data for a customer organisation, that customer is the controller and the company must assist it, Art. 28(3)(e))` +
        (objection
          ? '; the right to object must be brought to attention and, in online services, can be exercised by automated means (Art. 21(4) and (5)).'
          : '.') +
        basisSentence(f);
      provisions = [
        'gdpr-12-2',
        ...(objection ? ['gdpr-21-4', 'gdpr-21-5'] : []),
        ...right!.grantedBy,
      ];
      break;
    }
    case 'NO_WAY_TO_OBJECT': {
      explanation =
        `${where}${intro} there is no way to object to the processing.${dispute}` +
        (f.basis
          ? ` It rests on ${lcfirst(f.basis.name)}, and Art. 21(1) GDPR gives a right to object to processing on legitimate or public interest.`
          : ` The legal basis is not established in the sources; if it is legitimate or public interest, Art. 21(1) GDPR gives a right to object.`);
      provisions = ['gdpr-21-1', ...provisionsOfBasis(f.basis)];
      break;
    }
    case 'TRAINING_ON_BY_DEFAULT': {
      const categories =
        f.dataCategories && f.dataCategories.length > 0
          ? ` (${list(f.dataCategories.map(bare))})`
          : '';
      const basisId = f.basis?.id;
      const consequence =
        basisId === 'consent'
          ? ' It is said to rest on consent, which needs a clear affirmative act (Arts. 4(11) and 7 GDPR); an opt-out is not one.'
          : basisId === 'legitimate-interest'
            ? " It rests on legitimate interest: the interest must not be overridden by the users' (Art. 6(1)(f) GDPR), and they must be able to object (Art. 21)."
            : f.basis
              ? ` It rests on ${lcfirst(f.basis.name)}.`
              : ' The legal basis is not established in the sources.';
      explanation = `${where}${intro} user content${categories} trains AI models ${optOutWords(f.objection)}.${dispute}${consequence}`;
      provisions =
        basisId === 'consent'
          ? ['gdpr-4-11', 'gdpr-7']
          : basisId === 'legitimate-interest'
            ? ['gdpr-6-1-f', 'gdpr-21-1']
            : provisionsOfBasis(f.basis);
      break;
    }
  }
  if (standing === 'UNCONFIRMED' && verification !== 'VERIFIED')
    explanation += ` ${UNCONFIRMED_WORDS[verification]}`;
  const first = f.plans[0]?.id ?? '';
  const id =
    f.kind === 'RIGHT_CONDITIONED_ON_PAYMENT' || f.kind === 'RIGHT_ONLY_ON_REQUEST'
      ? `${findingIdPrefix(f.kind)}:${f.practice.id}:${first}:${code}`
      : `${findingIdPrefix(f.kind)}:${f.practice.id}`;
  return {
    id,
    kind: f.kind,
    title: FINDING_TITLES[f.kind],
    explanation,
    standing,
    verification,
    legalBasisEstablished,
    disputed,
    company: f.company.id,
    companyName: f.company.name,
    product: f.product.id,
    purpose: f.purpose.id,
    plans: [...f.plans.map((p) => p.id), ...f.others.map((o) => o.plan.id)],
    practices: [...new Set(practices.map((p) => p.id))],
    right: code,
    basis: f.basis?.id ?? null,
    provisions: [...new Set(provisions)],
  };
}
