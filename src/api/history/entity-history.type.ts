import { Field, ID, ObjectType } from 'type-graphql';
import { EntityVersion } from './entity-version.type';

@ObjectType({
  description: 'Every state the graph has held of one entity, newest first.',
  simpleResolvers: true,
})
export class EntityHistory {
  @Field(() => ID, {
    description: 'The id of the entity, as asked, e.g. "mistral-le-chat-free-training-2025".',
  })
  id!: string;

  @Field({ description: 'Its kind: Practice, Plan, Incident, Source...' })
  label!: string;

  @Field(() => [EntityVersion], {
    description: 'Its states, newest first: the first is the one the graph holds now.',
  })
  versions!: EntityVersion[];
}
