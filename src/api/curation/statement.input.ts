import { Field, ID, InputType } from 'type-graphql';
import type {
  EvidenceClaim,
  EvidenceStance,
  GdprRight,
  SourceKind,
  VerificationLevel,
} from '../../graph/model';
import {
  EvidenceClaimEnum,
  EvidenceStanceEnum,
  GdprRightEnum,
  SourceKindEnum,
  VerificationEnum,
} from '../common/enums';

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
    description:
      'Which part of the statement it speaks to: the whole, or one claim (RIGHT, VALID_FROM...).',
  })
  claim!: EvidenceClaim;

  @Field(() => GdprRightEnum, { nullable: true, description: 'With claim RIGHT: which right.' })
  right?: GdprRight | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a disputing source: what it claims instead (a status, a date...).',
  })
  alternative?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Whose claim it carries: a company, party or authority id.',
  })
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

/** What every recorded statement carries: its summary, how well it was checked, and its sources. */
@InputType()
export abstract class StatementInput {
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
