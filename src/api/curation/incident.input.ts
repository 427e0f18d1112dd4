import { Field, Float, ID, InputType } from 'type-graphql';
import type { IncidentKind, IncidentStatus } from '../../graph/model';
import { IncidentKindEnum, IncidentStatusEnum } from '../common/enums';
import { PartialDateScalar } from '../common/partial-date.scalar';
import { StatementInput } from './statement.input';

@InputType({ description: 'An amount of money: a fine, or the sum at stake.' })
export class AmountInput {
  @Field(() => Float, {
    description:
      'The amount in units of the currency, 0 or more, e.g. 15000000 for EUR 15 million.',
  })
  value!: number;

  @Field({ description: 'ISO 4217 currency code, three capital letters, e.g. "EUR".' })
  currency!: string;
}

@InputType({ description: "A dated change of an incident's status." })
export class StatusChangeInput {
  @Field(() => IncidentStatusEnum, { description: 'The status it changed to.' })
  status!: IncidentStatus;

  @Field(() => PartialDateScalar, {
    description: 'When it changed: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known.',
  })
  date!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A short note on the change, at most 1000 characters.',
  })
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

  @Field(() => IncidentKindEnum, {
    description: 'What kind of incident it is: COMPLAINT, FINE, GUIDANCE...',
  })
  kind!: IncidentKind;

  @Field({ description: "A short title in the curators' own words, at most 300 characters." })
  title!: string;

  @Field(() => PartialDateScalar, {
    description: 'YYYY-MM-DD, or YYYY-MM / YYYY when only that is known.',
  })
  date!: string;

  @Field(() => IncidentStatusEnum, {
    nullable: true,
    description: 'The latest status; the last of statusHistory when omitted.',
  })
  status?: IncidentStatus | null;

  @Field(() => [StatusChangeInput], {
    nullable: true,
    description: 'Dated status changes, oldest first.',
  })
  statusHistory?: StatusChangeInput[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Company ids; none for guidance and opinions.',
  })
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

  @Field(() => [ID], {
    nullable: true,
    description:
      'The plans it concerns: ids the graph holds, e.g. "quora-free"; none when omitted.',
  })
  concernsPlans?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The practices it concerns: ids the graph holds, e.g. "apple-siri-human-review"; none when omitted.',
  })
  concernsPractices?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The case or decision number.' })
  caseNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'What was decided or ordered.' })
  outcome?: string | null;

  @Field(() => AmountInput, {
    nullable: true,
    description: 'The fine or amount at stake, when there is one.',
  })
  amount?: AmountInput | null;
}
