import Cypher from '@neo4j/cypher-builder';
import { Field, ID, ObjectType } from 'type-graphql';
import { type ActorKind, ActorKindEnum } from '../common/enums';
import { Computed } from '../translate/fields/computed-field';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

@ObjectType({
  description: 'Whose claim a source carries: a company, a party (a complainant) or an authority.',
  simpleResolvers: true,
})
@Projected()
export class Actor {
  @Field(() => ID)
  @Prop()
  id!: string;

  @Field()
  @Prop()
  name!: string;

  @Field(() => ActorKindEnum)
  @Computed(({ node }) =>
    new Cypher.Case()
      .when(node.hasLabel('Company'))
      .then(new Cypher.Literal('COMPANY'))
      .when(node.hasLabel('Party'))
      .then(new Cypher.Literal('PARTY'))
      .else(new Cypher.Literal('AUTHORITY')),
  )
  kind!: ActorKind;
}
