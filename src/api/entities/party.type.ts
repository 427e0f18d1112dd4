import { Field, ID, ObjectType } from 'type-graphql';
import type { PartyKind } from '../../graph/model';
import { PartyKindEnum } from '../common/enums';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

@ObjectType({
  description: 'Who brought a complaint or case: a person, a lawyer, an NGO.',
  simpleResolvers: true,
})
@Projected()
export class Party {
  @Field(() => ID, { description: 'The party\'s id, e.g. "noyb".' })
  @Prop()
  id!: string;

  @Field({ description: 'Their name.' })
  @Prop()
  name!: string;

  @Field(() => PartyKindEnum, { description: 'What kind of party they are, e.g. NGO or LAWYER.' })
  @Prop()
  kind!: PartyKind;

  @Field(() => String, {
    nullable: true,
    description: 'Who they are, as the sources describe them.',
  })
  @Prop()
  summary!: string | null;
}
