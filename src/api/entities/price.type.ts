import { Field, Float, ObjectType } from 'type-graphql';
import type { BillingPeriod } from '../../graph/model';
import { BillingPeriodEnum } from '../common/enums';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

@ObjectType({ description: 'A price a source gives for a plan.', simpleResolvers: true })
@Projected()
export class Price {
  @Field(() => Float, { description: 'The amount, in `currency`, per `period`.' })
  @Prop()
  amount!: number;

  @Field({ description: 'ISO 4217 currency code.' })
  @Prop()
  currency!: string;

  @Field(() => BillingPeriodEnum, {
    description:
      'What the amount is paid for: a month, a year, a unit of usage (see `note`) or once.',
  })
  @Prop()
  period!: BillingPeriod;

  @Field(() => String, {
    nullable: true,
    description:
      'A curator\'s note on the price, e.g. "per seat" or "per million output tokens"; null when none.',
  })
  @Prop()
  note!: string | null;
}
