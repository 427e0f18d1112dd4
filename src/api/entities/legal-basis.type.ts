import { Field, ID, ObjectType } from 'type-graphql';
import { Prop } from '../translate/fields/property-field';
import { hop, Related } from '../translate/fields/related-field';
import { Projected } from '../translate/projection';
import { Provision } from './provision.type';
import { Right } from './right.type';

@ObjectType({
  description: 'A legal basis of Art. 6(1) GDPR, e.g. legitimate interest.',
  simpleResolvers: true,
})
@Projected()
export class LegalBasis {
  @Field(() => ID, { description: 'The legal basis\'s id, e.g. "legitimate-interest".' })
  @Prop()
  id!: string;

  @Field({ description: 'Its name, e.g. "Legitimate interests".' })
  @Prop()
  name!: string;

  @Field({ description: "What it means, in the curators' words." })
  @Prop()
  summary!: string;

  @Field(() => String, { nullable: true, description: 'The W3C Data Privacy Vocabulary term.' })
  @Prop('dpv')
  dpvIri!: string | null;

  @Field(() => Provision, {
    description: 'The provision that defines it, e.g. Art. 6(1)(f) GDPR for legitimate interests.',
  })
  @Related(hop('DEFINED_BY', 'out', 'Provision'))
  definedBy!: Provision;

  @Field(() => [Right], {
    description:
      'The rights processing on this basis opens (legitimate interest: the right to object).',
  })
  @Related(hop('TRIGGERS', 'out', 'Right', ['code']))
  triggers!: Right[];
}
