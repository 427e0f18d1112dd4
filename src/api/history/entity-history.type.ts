import { Field, ID, ObjectType } from 'type-graphql';
import { EntityVersion } from './entity-version.type';

@ObjectType({
  description: 'Every state the graph has held of one entity, newest first.',
  simpleResolvers: true,
})
export class EntityHistory {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Its kind: Practice, Plan, Incident, Source...' })
  label!: string;

  @Field(() => [EntityVersion])
  versions!: EntityVersion[];
}
