/**
 * The object types of the graph's entities. They reference each other in cycles
 * (a company has products, a product its company), so they share one module.
 * How each field is read from Neo4j is declared in entities.projection.ts.
 */
import { DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import {
  BillingPeriodEnum,
  DatePrecisionEnum,
  EvidenceStanceEnum,
  GdprRightEnum,
  IncidentKindEnum,
  IncidentStatusEnum,
  PartyKindEnum,
  PlanTierEnum,
  ProcessingDefaultEnum,
  RightStatusEnum,
  SourceKindEnum,
  VerificationEnum,
} from '../common/enums';

@ObjectType({
  description: 'A document a statement rests on: a policy version, a news report, a decision.',
})
export class Source {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field({ description: 'Who published it, e.g. "CNIL" or "L\'Informé".' })
  publisher!: string;

  @Field()
  title!: string;

  @Field(() => DateScalar, {
    description:
      'When it was published; the first day of the period when only the month or year is known.',
  })
  publishedAt!: string;

  @Field(() => DatePrecisionEnum)
  publishedAtPrecision!: string;

  @Field(() => SourceKindEnum)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 language code.' })
  language!: string | null;

  @Field(() => String, { nullable: true, description: "A curator's note on the source." })
  note!: string | null;
}

@ObjectType({
  description: 'A source cited for a statement, with whether it supports or disputes it.',
})
export class Evidence {
  @Field(() => EvidenceStanceEnum)
  stance!: string;

  @Field(() => String, { nullable: true, description: 'A short quote from the source.' })
  quote!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the source says, for a disputing one: the competing claim.',
  })
  note!: string | null;

  @Field(() => Source)
  source!: Source;
}

@ObjectType({ description: 'A law, e.g. the GDPR.' })
export class Regulation {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  shortName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The CELEX number in EUR-Lex, e.g. 32016R0679.',
  })
  celex!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;
}

@ObjectType({
  description: 'An article, paragraph or point of a regulation, e.g. Art. 6(1)(f) GDPR.',
})
export class Provision {
  @Field(() => ID, { description: 'e.g. gdpr-6-1-f.' })
  id!: string;

  @Field({ description: 'The citation, e.g. "Art. 6(1)(f)".' })
  ref!: string;

  @Field(() => Int)
  article!: number;

  @Field(() => Int, { nullable: true })
  paragraph!: number | null;

  @Field(() => String, { nullable: true })
  point!: string | null;

  @Field()
  title!: string;

  @Field({ description: "A short summary in the curators' words." })
  summary!: string;

  @Field(() => Regulation)
  regulation!: Regulation;

  @Field(() => Provision, {
    nullable: true,
    description: 'The enclosing provision (Art. 21 for Art. 21(1)).',
  })
  partOf!: Provision | null;

  @Field(() => [Provision], { description: 'The paragraphs or points within this provision.' })
  parts!: Provision[];

  @Field(() => [Right], { description: 'The rights this provision or one of its parts grants.' })
  rights!: Right[];

  // `incidents` takes arguments, so it is declared in entities.resolver.ts.
}

@ObjectType({ description: 'A right of the data subject, e.g. the right to object.' })
export class Right {
  @Field(() => ID)
  id!: string;

  @Field(() => GdprRightEnum)
  code!: string;

  @Field()
  name!: string;

  @Field()
  summary!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The W3C Data Privacy Vocabulary term for this right.',
  })
  dpvIri!: string | null;

  @Field(() => [Provision], { description: 'The provisions that grant it.' })
  grantedBy!: Provision[];
}

@ObjectType({ description: 'A legal basis of Art. 6(1) GDPR, e.g. legitimate interest.' })
export class LegalBasis {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  summary!: string;

  @Field(() => String, { nullable: true, description: 'The W3C Data Privacy Vocabulary term.' })
  dpvIri!: string | null;

  @Field(() => Provision)
  definedBy!: Provision;

  @Field(() => [Right], {
    description:
      'The rights processing on this basis opens (legitimate interest: the right to object).',
  })
  triggers!: Right[];
}

@ObjectType({ description: 'A company whose practices the graph tracks.' })
export class Company {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => [Product])
  products!: Product[];

  // `incidents` takes arguments, so it is declared in entities.resolver.ts.

  @Field(() => [Evidence])
  sources!: Evidence[];
}

@ObjectType({ description: 'A product of a company, e.g. Le Chat.' })
export class Product {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => Company)
  company!: Company;

  @Field(() => [Plan], { description: 'Its plans, cheapest first.' })
  plans!: Plan[];
}

@ObjectType({ description: 'A price.' })
export class Price {
  @Field(() => Float)
  amount!: number;

  @Field({ description: 'ISO 4217 currency code.' })
  currency!: string;

  @Field(() => BillingPeriodEnum)
  period!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ArgsType()
export class PlanPracticesArgs extends PageArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Only the practices in force on this date; all of them, newest first, when omitted.',
  })
  asOf?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only practices for this purpose, e.g. "ai-model-training".',
  })
  purpose?: string | null;
}

@ObjectType({ description: 'A plan (tier) of a product, e.g. Le Chat Free.' })
export class Plan {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => PlanTierEnum)
  tier!: string;

  @Field(() => Price, { nullable: true, description: 'Absent for free plans that state no price.' })
  price!: Price | null;

  @Field({ description: 'True when the plan costs money.' })
  paid!: boolean;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => Product)
  product!: Product;

  // `practices` takes arguments, so it is declared in entities.resolver.ts.
}

@ObjectType({ description: 'A purpose of processing, e.g. training general-purpose AI models.' })
export class Purpose {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: 'The W3C Data Privacy Vocabulary term.' })
  dpvIri!: string | null;
}

@ObjectType({ description: 'A category of personal data, e.g. user prompts.' })
export class DataCategory {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: 'The W3C Data Privacy Vocabulary term.' })
  dpvIri!: string | null;
}

@ObjectType({ description: 'How a practice lets a person exercise one right.' })
export class RightHandling {
  @Field(() => GdprRightEnum)
  code!: string;

  @Field(() => RightStatusEnum)
  status!: string;

  @Field(() => String, {
    nullable: true,
    description: 'How to exercise it, e.g. "account settings toggle".',
  })
  mechanism!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Right)
  right!: Right;
}

@ObjectType({
  description:
    'A dated, sourced statement of what a company does with data on one plan for one purpose, and how each right is handled. validFrom is inclusive, validTo exclusive; null means open.',
})
export class Practice {
  @Field(() => ID)
  id!: string;

  @Field()
  summary!: string;

  @Field(() => ProcessingDefaultEnum, {
    description: 'Whether the processing happens when the user does nothing.',
  })
  default!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day in force; null when it was true since before the sources say.',
  })
  validFrom!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day no longer in force; null while still in force.',
  })
  validTo!: string | null;

  @Field(() => VerificationEnum)
  verification!: string;

  @Field(() => DateTimeResolver, { description: 'When the graph first recorded this statement.' })
  recordedAt!: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When a curator retracted this statement; it stays visible for the dates before.',
  })
  retractedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was retracted.' })
  retractionReason!: string | null;

  @Field({ description: 'True when at least one source disputes this statement.' })
  disputed!: boolean;

  @Field(() => Plan)
  plan!: Plan;

  @Field(() => Purpose)
  purpose!: Purpose;

  @Field(() => [DataCategory])
  dataCategories!: DataCategory[];

  @Field(() => LegalBasis, {
    nullable: true,
    description: 'The legal basis claimed or identified, when known.',
  })
  legalBasis!: LegalBasis | null;

  @Field(() => [RightHandling])
  rights!: RightHandling[];

  @Field(() => [Evidence], { description: 'Every source cited, supporting or disputing.' })
  evidence!: Evidence[];

  @Field(() => [Evidence])
  supportingSources!: Evidence[];

  @Field(() => [Evidence], {
    description: 'Sources that contradict this statement, each with its competing claim.',
  })
  disputingSources!: Evidence[];

  @Field(() => Practice, { nullable: true, description: 'The practice this one succeeded.' })
  replaces!: Practice | null;

  @Field(() => Practice, { nullable: true, description: 'The practice that succeeded this one.' })
  replacedBy!: Practice | null;
}

@ObjectType({ description: 'A data protection authority or court, e.g. CNIL.' })
export class Authority {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  country!: string;

  @Field(() => String, { nullable: true })
  website!: string | null;
}

@ObjectType({ description: 'Who brought a complaint or case: a person, a lawyer, an NGO.' })
export class Party {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => PartyKindEnum)
  kind!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;
}

@ObjectType({ description: 'An amount of money.' })
export class Money {
  @Field(() => Float)
  value!: number;

  @Field()
  currency!: string;
}

@ObjectType({
  description:
    'A complaint, investigation, decision, fine, ruling, policy change or company statement.',
})
export class Incident {
  @Field(() => ID)
  id!: string;

  @Field(() => IncidentKindEnum)
  kind!: string;

  @Field()
  title!: string;

  @Field(() => DateScalar)
  date!: string;

  @Field(() => IncidentStatusEnum)
  status!: string;

  @Field(() => Money, {
    nullable: true,
    description: 'The fine or amount at stake, when there is one.',
  })
  amount!: Money | null;

  @Field()
  summary!: string;

  @Field(() => VerificationEnum)
  verification!: string;

  @Field(() => DateTimeResolver, { description: 'When the graph first recorded this incident.' })
  recordedAt!: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When a curator retracted this incident; it then leaves lists and counts.',
  })
  retractedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was retracted.' })
  retractionReason!: string | null;

  @Field({ description: 'True when at least one source disputes this account.' })
  disputed!: boolean;

  @Field(() => [Company])
  against!: Company[];

  @Field(() => Authority, { nullable: true })
  before!: Authority | null;

  @Field(() => [Party])
  broughtBy!: Party[];

  @Field(() => [Provision], { description: 'The provisions it cites.' })
  cites!: Provision[];

  @Field(() => [Plan])
  concernsPlans!: Plan[];

  @Field(() => [Practice])
  concernsPractices!: Practice[];

  @Field(() => [Evidence])
  evidence!: Evidence[];

  @Field(() => [Evidence])
  supportingSources!: Evidence[];

  @Field(() => [Evidence])
  disputingSources!: Evidence[];
}

export const IncidentConnection = Connection(Incident, 'Incident', 'incident');
export const PracticeConnection = Connection(Practice, 'Practice', 'practice');
export const CompanyConnection = Connection(Company, 'Company', 'company');
