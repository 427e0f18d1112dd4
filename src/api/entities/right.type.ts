import { Field, ID, ObjectType } from 'type-graphql';
import type { GdprRight } from '../../graph/model';
import { GdprRightEnum } from '../common/enums';
import { Prop } from '../translate/fields/property-field';
import { hop, Related } from '../translate/fields/related-field';
import { Projected } from '../translate/projection';
import { LegalBasis } from './legal-basis.type';
import { Provision } from './provision.type';

@ObjectType({
  description: 'A right of the data subject, e.g. the right to object.',
  simpleResolvers: true,
})
@Projected()
export class Right {
  @Field(() => ID, { description: 'The right\'s id, e.g. "right-access".' })
  @Prop()
  id!: string;

  @Field(() => GdprRightEnum, { description: 'Its code, e.g. OBJECT.' })
  @Prop()
  code!: GdprRight;

  @Field({ description: 'Its name, e.g. "Right of access".' })
  @Prop()
  name!: string;

  @Field({ description: "What it gives a person, in the curators' words." })
  @Prop()
  summary!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The W3C Data Privacy Vocabulary term for this right.',
  })
  @Prop('dpv')
  dpvIri!: string | null;

  @Field(() => [Provision], { description: 'The provisions that grant it.' })
  @Related(hop('GRANTED_BY', 'out', 'Provision', ['article', 'paragraph']))
  grantedBy!: Provision[];

  @Field(() => [LegalBasis], {
    description:
      'The legal bases whose processing opens this right (legitimate interest: objecting); empty when it does not depend on the basis.',
  })
  @Related(hop('TRIGGERS', 'in', 'LegalBasis', ['id']))
  openedBy!: LegalBasis[];
}
