import { Field, ID, InputType } from 'type-graphql';
import type { GdprRight, ProcessingDefault, RightStatus, Scope } from '../../graph/model';
import { GdprRightEnum, ProcessingDefaultEnum, RightStatusEnum, ScopeEnum } from '../common/enums';
import { PartialDateScalar } from '../common/partial-date.scalar';
import { StatementInput } from './statement.input';

@InputType({ description: 'How a practice handles one right.' })
export class RightHandlingInput {
  @Field(() => GdprRightEnum, { description: 'The right, e.g. OBJECT.' })
  right!: GdprRight;

  @Field(() => RightStatusEnum, {
    description: 'How a person can exercise it on these plans, for this processing.',
  })
  status!: RightStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'How to exercise it, e.g. "Settings > Privacy > Export data", at most 500 characters.',
  })
  mechanism?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The curators' note, e.g. why it is NOT_APPLICABLE; at most 2000 characters.",
  })
  note?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Provisions giving the right here, by id or citation.',
  })
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
  @Field(() => ID, {
    description:
      'The practice\'s id, e.g. "mistral-le-chat-free-training-2025"; an id the graph holds updates that practice.',
  })
  id!: string;

  @Field(() => [ID], { description: 'The plans it applies to.' })
  plans!: string[];

  @Field(() => ID, {
    description: 'The purpose: an id the graph holds, e.g. "ai-model-training".',
  })
  purpose!: string;

  @Field(() => [ScopeEnum], { description: 'Where it applies, e.g. [EEA].' })
  scope!: Scope[];

  @Field(() => [ID], {
    description:
      'The data categories processed, at least one: ids the graph holds, e.g. "user-prompts".',
  })
  dataCategories!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The legal basis the company claims, when a source says.',
  })
  legalBasis?: string | null;

  @Field(() => ProcessingDefaultEnum, {
    description:
      'ON: processed unless the user acts; OFF: only if the user opts in; NEVER: not processed.',
  })
  default!: ProcessingDefault;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      'First day (month, year) in force. Needed when a practice for the same plans, purpose and scope is in force: that one is closed then.',
  })
  validFrom?: string | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'First day (month, year) no longer in force, exclusive. Omit while in force.',
  })
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

  @Field(() => [RightHandlingInput], {
    nullable: true,
    description: 'How each right can be exercised; a right left out is unknown.',
  })
  rights?: RightHandlingInput[] | null;
}
