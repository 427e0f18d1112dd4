import { ArgsType, Field, ID, Int } from 'type-graphql';
import type { GdprRight, Scope } from '../../graph/model';
import { PageArgs } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import { GdprRightEnum, ScopeEnum } from '../common/enums';
import { KnownAtField } from '../common/known-at';

@ArgsType()
export class PlansDenyingRightArgs extends PageArgs {
  @KnownAtField()
  knownAt?: Date | null;

  @Field(() => GdprRightEnum, { description: 'The right, e.g. OBJECT.' })
  right!: GdprRight;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only practices for this purpose, e.g. "ai-model-training"; NOT_FOUND when the graph holds no such purpose.',
  })
  purpose?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date the answer holds on; today when omitted.',
  })
  asOf?: string | null;

  @Field(() => ScopeEnum, {
    defaultValue: 'EEA',
    description:
      'Where: practices stated for this scope or worldwide. The EEA (the GDPR) by default.',
  })
  scope!: Scope;
}

@ArgsType()
export class RightsMatrixArgs {
  @KnownAtField()
  knownAt?: Date | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The companies to show (at most 100); all companies when omitted. NOT_FOUND names any id the graph does not hold.',
  })
  companies?: string[] | null;

  @Field(() => [GdprRightEnum], {
    nullable: true,
    description: 'The columns; every right when omitted.',
  })
  rights?: GdprRight[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only practices for this purpose, e.g. "ai-model-training"; NOT_FOUND when the graph holds no such purpose.',
  })
  purpose?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The date the matrix holds on; today when omitted. Rows are the plans offered then.',
  })
  asOf?: string | null;

  @Field(() => ScopeEnum, {
    defaultValue: 'EEA',
    description:
      'Where: practices stated for this scope or worldwide. The EEA (the GDPR) by default.',
  })
  scope!: Scope;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 20,
    description: 'How many rows (plans), 1 to 100.',
  })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Rows after this cursor (`pageInfo.endCursor`).',
  })
  after?: string | null;
}
