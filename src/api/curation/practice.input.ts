import { Field, ID, InputType } from 'type-graphql';
import type { GdprRight, ProcessingDefault, RightStatus, Scope } from '../../graph/model';
import { GdprRightEnum, ProcessingDefaultEnum, RightStatusEnum, ScopeEnum } from '../common/enums';
import { PartialDateScalar } from '../common/partial-date.scalar';
import { StatementInput } from './statement.input';

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

  @Field(() => ID, {
    nullable: true,
    description: 'The legal basis the company claims, when a source says.',
  })
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
