import { Field, Float, ObjectType } from 'type-graphql';
import type { BillingPeriod } from '../../graph/model';
import { BillingPeriodEnum } from '../common/enums';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

@ObjectType({ description: 'A price a source gives for a plan.', simpleResolvers: true })
@Projected()
export class Price {
  @Field(() => Float)
  @Prop()
  amount!: number;

  @Field({ description: 'ISO 4217 currency code.' })
  @Prop()
  currency!: string;

  @Field(() => BillingPeriodEnum)
  @Prop()
  period!: BillingPeriod;

  @Field(() => String, { nullable: true })
  @Prop()
  note!: string | null;
}
