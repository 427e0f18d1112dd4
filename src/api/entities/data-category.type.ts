import { Field, ID, ObjectType } from 'type-graphql';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

@ObjectType({
  description: 'A category of personal data, e.g. user prompts.',
  simpleResolvers: true,
})
@Projected()
export class DataCategory {
  @Field(() => ID)
  @Prop()
  id!: string;

  @Field()
  @Prop()
  name!: string;

  @Field(() => String, { nullable: true })
  @Prop()
  summary!: string | null;

  @Field(() => String, { nullable: true, description: 'The W3C Data Privacy Vocabulary term.' })
  @Prop('dpv')
  dpvIri!: string | null;
}
