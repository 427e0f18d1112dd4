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

  @Field(() => EvidenceStanceEnum, {
    defaultValue: 'SUPPORTS',
    description: 'Whether the source backs the statement (or claim) or contradicts it.',
  })
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

  @Field(() => String, {
    nullable: true,
    description: 'What this source says about the statement, at most 2000 characters.',
  })
  note?: string | null;
}

@InputType({ description: 'A new source, defined with the statement that cites it.' })
export class SourceInput {
  @Field(() => ID, {
    description:
      'The id to cite it by in `sources`, e.g. "src-mistral-ai-news-le-chat-2024-02-26".',
  })
  id!: string;

  @Field({ description: 'An http or https URL, at most 2048 characters.' })
  url!: string;

  @Field({ description: 'Who published it, e.g. "CNIL"; at most 200 characters.' })
  publisher!: string;

  @Field({ description: 'Its title, at most 500 characters.' })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD, YYYY-MM or YYYY, as the page prints it; left out when it prints no date (then cite a dated source beside it).',
  })
  publishedAt?: string | null;

  @Field(() => SourceKindEnum, { description: 'What kind of document it is, e.g. POLICY or NEWS.' })
  kind!: SourceKind;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 639-1 language code, two lowercase letters, e.g. "en".',
  })
  language?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A curator's note: a version marker, how the date was found...; at most 2000 characters.",
  })
  note?: string | null;
}

/** What every recorded statement carries: its summary, how well it was checked, and its sources. */
@InputType()
export abstract class StatementInput {
  @Field(() => VerificationEnum, {
    description:
      'How well the curators could check it, from the sources cited: required, as the graph never assumes a level.',
  })
  verification!: VerificationLevel;

  @Field({
    description: "In the curators' own words, at most 2000 characters; attribute disputed claims.",
  })
  summary!: string;

  @Field(() => [EvidenceInput], { description: 'The sources cited for it: at least one.' })
  sources!: EvidenceInput[];

  @Field(() => [SourceInput], {
    nullable: true,
    description: 'Sources cited here that the graph does not hold yet.',
  })
  newSources?: SourceInput[] | null;
}
