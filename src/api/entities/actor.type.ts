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
  @Field(() => ID, {
    description: 'The id of the company, party or authority, e.g. "mistral-ai", "noyb" or "cnil".',
  })
  @Prop()
  id!: string;

  @Field({ description: 'Its name.' })
  @Prop()
  name!: string;

  @Field(() => ActorKindEnum, { description: 'Whether it is a company, a party or an authority.' })
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
