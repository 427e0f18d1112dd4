import { Field, ObjectType } from 'type-graphql';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

@ObjectType({
  description: 'The establishment in the EEA that acts as controller, as the EEA policy names it.',
  simpleResolvers: true,
})
@Projected()
export class EuEstablishment {
  @Field({
    description: 'Its legal name, as the policy gives it, e.g. "Anthropic Ireland, Limited".',
  })
  @Prop()
  name!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  @Prop()
  country!: string;

  @Field(() => String, {
    nullable: true,
    description: "A curator's note on the establishment; null when there is none.",
  })
  @Prop()
  note!: string | null;
}
