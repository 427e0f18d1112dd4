import { Field, ID, ObjectType } from 'type-graphql';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

@ObjectType({
  description: 'A purpose of processing, e.g. training AI models, personalised advertising.',
  simpleResolvers: true,
})
@Projected()
export class Purpose {
  @Field(() => ID, { description: 'The purpose\'s id, e.g. "ai-model-training".' })
  @Prop()
  id!: string;

  @Field({ description: 'Its name, e.g. "Personalised advertising".' })
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
