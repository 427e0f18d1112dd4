import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import {
  EvidenceStanceEnum,
  GdprRightEnum,
  IncidentKindEnum,
  IncidentStatusEnum,
  ProcessingDefaultEnum,
  RightStatusEnum,
  SourceKindEnum,
  VerificationEnum,
} from '../common/enums';

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
  stance!: string;

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
  kind!: string;

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
  verification?: string | null;

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

@InputType({ description: 'A new incident: complaint, decision, fine, statement...' })
export class IncidentInput extends StatementInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Derived from the content when omitted, so that the same input twice is one incident.',
  })
  id?: string | null;

  @Field(() => IncidentKindEnum)
  kind!: string;

  @Field()
  title!: string;

  @Field(() => DateScalar)
  date!: string;

  @Field(() => IncidentStatusEnum, { nullable: true })
  status?: string | null;

  @Field(() => [ID], { description: 'Company ids.' })
  against!: string[];

  @Field(() => ID, { nullable: true, description: 'Authority id.' })
  before?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Party ids.' })
  broughtBy?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Provisions, by id or citation ("Art. 12(5)").',
  })
  cites?: string[] | null;

  @Field(() => [ID], { nullable: true })
  concernsPlans?: string[] | null;

  @Field(() => [ID], { nullable: true })
  concernsPractices?: string[] | null;

  @Field(() => AmountInput, { nullable: true })
  amount?: AmountInput | null;
}

@InputType({ description: 'How a practice handles one right.' })
export class RightHandlingInput {
  @Field(() => GdprRightEnum)
  right!: string;

  @Field(() => RightStatusEnum)
  status!: string;

  @Field(() => String, { nullable: true })
  mechanism?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({
  description:
    'A new practice: what a company does with data on a plan for a purpose, from a date.',
})
export class PracticeInput extends StatementInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  plan!: string;

  @Field(() => ID)
  purpose!: string;

  @Field(() => [ID])
  dataCategories!: string[];

  @Field(() => ID, { nullable: true })
  legalBasis?: string | null;

  @Field(() => ProcessingDefaultEnum)
  default!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'First day in force. Needed when a practice for the same plan and purpose is in force: that one is closed on this day.',
  })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true })
  validTo?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The practice this one succeeds; found automatically when omitted.',
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

@ObjectType({ description: 'One write, as the audit trail records it.' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeResolver)
  at!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The API key that wrote; null for the seed command.',
  })
  keyId!: string | null;

  @Field({ description: 'ingestBundle, recordIncident, recordPractice, retract.' })
  operation!: string;

  @Field({ description: 'Where the content came from.' })
  source!: string;

  @Field({ description: 'Counts per label, as JSON.' })
  counts!: string;

  @Field(() => [ID])
  changedIds!: string[];
}

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry', 'audit entry');

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
