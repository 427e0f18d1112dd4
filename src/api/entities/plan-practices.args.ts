import { ArgsType, Field, ID } from 'type-graphql';
import type { Scope } from '../../graph/model';
import { PageArgs } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import { ScopeEnum } from '../common/enums';

@ArgsType()
export class PlanPracticesArgs extends PageArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Only the practices in force on this date (and only while the plan is offered); all of them, newest first, when omitted.',
  })
  asOf?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only practices for this purpose, e.g. "ai-model-training".',
  })
  purpose?: string | null;

  @Field(() => ScopeEnum, {
    nullable: true,
    description:
      'Only practices that apply in this scope (worldwide ones included); all when omitted.',
  })
  scope?: Scope | null;
}
