import { Field, Float, ObjectType } from 'type-graphql';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

@ObjectType({ description: 'An amount of money.', simpleResolvers: true })
@Projected()
export class Money {
  @Field(() => Float, { description: 'The amount, in `currency`.' })
  @Prop()
  value!: number;

  @Field({ description: 'ISO 4217 currency code.' })
  @Prop()
  currency!: string;
}
