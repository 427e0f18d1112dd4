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
  @Field(() => ID)
  @Prop()
  id!: string;

  @Field()
  @Prop()
  name!: string;

  @Field(() => PartyKindEnum)
  @Prop()
  kind!: PartyKind;

  @Field(() => String, {
    nullable: true,
    description: 'Who they are, as the sources describe them.',
  })
  @Prop()
  summary!: string | null;
}
