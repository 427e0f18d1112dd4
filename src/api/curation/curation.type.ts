import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../common/connection';
import type {
  EvidenceClaim,
  EvidenceStance,
  GdprRight,
  IncidentKind,
  IncidentStatus,
  ProcessingDefault,
  RightStatus,
  Scope,
  SourceKind,
  VerificationLevel,
} from '../../graph/model';
import {
  EvidenceClaimEnum,
  EvidenceStanceEnum,
  GdprRightEnum,
  IncidentKindEnum,
  IncidentStatusEnum,
  ProcessingDefaultEnum,
  RightStatusEnum,
  ScopeEnum,
  SourceKindEnum,
  VerificationEnum,
} from '../common/enums';
import { DateScalar } from '../common/date.scalar';
import { PartialDateScalar } from '../common/partial-date.scalar';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

/** A whole bundle as JSON; validated by the same rules as seed files (seeds/bundle.schema.json). */
export const BundleInputScalar = new GraphQLScalarType({
  name: 'BundleInput',
  description:
    'A bundle: the same content as a seed file, as a JSON object with the sections sources, regulations, provisions, rights, legalBases, companies, products, plans, purposes, dataCategories, practices, authorities, parties, incidents. Its JSON Schema is seeds/bundle.schema.json.',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

@ObjectType({ description: 'What a write did to one label.' })
export class LabelChange {
  @Field()
  label!: string;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;
}

@ObjectType({ description: 'A problem or warning about an input, with where it is.' })
export class InputProblem {
  @Field(() => String, { nullable: true })
  file!: string | null;

  @Field({ description: 'Where inside the input, e.g. "practices[2].validTo".' })
  path!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'The outcome of a bundle write (or of a dry run: what it would do).' })
export class IngestReport {
  @Field()
  dryRun!: boolean;

  @Field(() => [LabelChange])
  changes!: LabelChange[];

  @Field(() => Int)
  relationshipsWritten!: number;

  @Field(() => [ID], { description: 'The entities created or updated.' })
  changedIds!: string[];

  @Field(() => [InputProblem])
  warnings!: InputProblem[];

  @Field(() => ID, { nullable: true, description: 'The audit entry of this write.' })
  auditId!: string | null;
}

@InputType({ description: 'A source cited for a statement.' })
export class EvidenceInput {
  @Field(() => ID, {
    description: 'A source id: one in the graph, or one defined in `newSources`.',
  })
  source!: string;

  @Field(() => EvidenceStanceEnum, { defaultValue: 'SUPPORTS' })
  stance!: EvidenceStance;

  @Field(() => EvidenceClaimEnum, {
    defaultValue: 'WHOLE',
    description: 'Which part of the statement it speaks to: the whole, or one claim (RIGHT, VALID_FROM...).',
  })
  claim!: EvidenceClaim;

  @Field(() => GdprRightEnum, { nullable: true, description: 'With claim RIGHT: which right.' })
  right?: GdprRight | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a disputing source: what it claims instead (a status, a date...).',
  })
  alternative?: string | null;

  @Field(() => ID, { nullable: true, description: 'Whose claim it carries: a company, party or authority id.' })
  claimedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'A short quote (under 25 words).' })
  quote?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'A new source, defined with the statement that cites it.' })
export class SourceInput {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field()
  publisher!: string;

  @Field()
  title!: string;

  @Field({ description: 'YYYY-MM-DD, YYYY-MM or YYYY.' })
  publishedAt!: string;

  @Field(() => SourceKindEnum)
  kind!: SourceKind;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class AmountInput {
  @Field(() => Float)
  value!: number;

  @Field()
  currency!: string;
}

/** What every recorded statement carries: its summary, how well it was checked, and its sources. */
@InputType()
abstract class StatementInput {
  @Field(() => VerificationEnum, { nullable: true })
  verification?: VerificationLevel | null;

  @Field()
  summary!: string;

  @Field(() => [EvidenceInput])
  sources!: EvidenceInput[];

  @Field(() => [SourceInput], {
    nullable: true,
    description: 'Sources cited here that the graph does not hold yet.',
  })
  newSources?: SourceInput[] | null;
}

@InputType({ description: 'A dated change of an incident\'s status.' })
export class StatusChangeInput {
  @Field(() => IncidentStatusEnum)
  status!: IncidentStatus;

  @Field(() => PartialDateScalar)
  date!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => ID, { nullable: true, description: 'The source that dates the change.' })
  source?: string | null;
}

@InputType({
  description: 'A new incident: complaint, decision, fine, guidance, opinion, statement...',
})
export class IncidentInput extends StatementInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Derived from the content when omitted, so that the same input twice is one incident.',
  })
  id?: string | null;

  @Field(() => IncidentKindEnum)
  kind!: IncidentKind;

  @Field()
  title!: string;

  @Field(() => PartialDateScalar, { description: 'YYYY-MM-DD, or YYYY-MM / YYYY when only that is known.' })
  date!: string;

  @Field(() => IncidentStatusEnum, { nullable: true, description: 'The latest status; the last of statusHistory when omitted.' })
  status?: IncidentStatus | null;

  @Field(() => [StatusChangeInput], { nullable: true, description: 'Dated status changes, oldest first.' })
  statusHistory?: StatusChangeInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Company ids; none for guidance and opinions.' })
  against?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Authority ids it is aimed at (an appeal).' })
  againstAuthorities?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Authority id.' })
  before?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Party ids.' })
  broughtBy?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Provisions, by id or citation ("Art. 12(5)", "DMA Art. 5(2)").',
  })
  cites?: string[] | null;

  @Field(() => [ID], { nullable: true })
  concernsPlans?: string[] | null;

  @Field(() => [ID], { nullable: true })
  concernsPractices?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The case or decision number.' })
  caseNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'What was decided or ordered.' })
  outcome?: string | null;

  @Field(() => AmountInput, { nullable: true })
  amount?: AmountInput | null;
}

@InputType({ description: 'How a practice handles one right.' })
export class RightHandlingInput {
  @Field(() => GdprRightEnum)
  right!: GdprRight;

  @Field(() => RightStatusEnum)
  status!: RightStatus;

  @Field(() => String, { nullable: true })
  mechanism?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => [String], { nullable: true, description: 'Provisions giving the right here, by id or citation.' })
  grounds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Provisions the company relies on to refuse or limit it (erasure: Art. 17(3)).',
  })
  exceptions?: string[] | null;
}

@InputType({
  description:
    'A new practice: what a company does with data on some plans for a purpose, in a scope, from a date.',
})
export class PracticeInput extends StatementInput {
  @Field(() => ID)
  id!: string;

  @Field(() => [ID], { description: 'The plans it applies to.' })
  plans!: string[];

  @Field(() => ID)
  purpose!: string;

  @Field(() => [ScopeEnum], { description: 'Where it applies, e.g. [EEA].' })
  scope!: Scope[];

  @Field(() => [ID])
  dataCategories!: string[];

  @Field(() => ID, { nullable: true, description: 'The legal basis the company claims, when a source says.' })
  legalBasis?: string | null;

  @Field(() => ProcessingDefaultEnum)
  default!: ProcessingDefault;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      'First day (month, year) in force. Needed when a practice for the same plans, purpose and scope is in force: that one is closed then.',
  })
  validFrom?: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  validTo?: string | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'With no known start: the earliest date a source shows it in force.',
  })
  attestedFrom?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The practice this one succeeds; when omitted, the latest practice for these plans, purpose and scope (in force or already ended).',
  })
  replaces?: string | null;

  @Field(() => [RightHandlingInput], { nullable: true })
  rights?: RightHandlingInput[] | null;
}

@ObjectType({ description: 'A retraction: the statement stays, marked, with who, when and why.' })
export class Retraction {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Practice or Incident.' })
  label!: string;

  @Field(() => DateTimeResolver)
  retractedAt!: Date;

  @Field()
  reason!: string;

  @Field(() => ID, { nullable: true })
  auditId!: string | null;
}

@ObjectType({ description: 'One write, as the audit trail records it.', simpleResolvers: true })
@Projected()
export class AuditEntry {
  @Field(() => ID)
  @Prop()
  id!: string;

  @Field(() => DateTimeResolver)
  @Prop()
  at!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The API key that wrote; null for the seed command.',
  })
  @Prop()
  keyId!: string | null;

  @Field({ description: 'ingestBundle, recordIncident, recordPractice, retract.' })
  @Prop()
  operation!: string;

  @Field({ description: 'Where the content came from.' })
  @Prop()
  source!: string;

  @Field({ description: 'Counts per label, as JSON.' })
  @Prop()
  counts!: string;

  @Field(() => [ID])
  @Prop()
  changedIds!: string[];
}

export const AuditEntryConnection = Connection(() => AuditEntry, 'AuditEntry', 'audit entry');

@ArgsType()
export class AuditLogArgs extends PageArgs {}

@ObjectType({ description: 'Findings of a company that appeared or went away after a write.' })
export class FindingsChange {
  @Field(() => ID)
  companyId!: string;

  @Field(() => DateScalar, { description: 'The date the findings were evaluated on (today).' })
  asOf!: string;

  @Field(() => [ID], { description: 'Ids of findings that appeared (query `findings` for them).' })
  appeared!: string[];

  @Field(() => [ID])
  disappeared!: string[];
}
