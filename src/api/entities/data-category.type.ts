import { Field, ID, ObjectType } from 'type-graphql';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

@ObjectType({
  description: 'A category of personal data, e.g. user prompts.',
  simpleResolvers: true,
})
@Projected()
export class DataCategory {
  @Field(() => ID, { description: 'The category\'s id, e.g. "user-prompts".' })
  @Prop()
  id!: string;

  @Field({ description: 'Its name, e.g. "User prompts (input data)".' })
  @Prop()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: "What it covers, in the curators' words; null when they wrote none.",
  })
  @Prop()
  summary!: string | null;

  @Field(() => String, { nullable: true, description: 'The W3C Data Privacy Vocabulary term.' })
  @Prop('dpv')
  dpvIri!: string | null;
}
