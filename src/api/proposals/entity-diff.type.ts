import { Field, ID, ObjectType } from 'type-graphql';
import { type EntityChange, EntityChangeEnum } from './proposals.enums';
import { FieldDiff } from './field-diff.type';

@ObjectType({
  description: 'What approving a proposal would do to one entity, against the graph now.',
})
export class EntityDiff {
  @Field({ description: 'Its label: Practice, Incident, Source, Plan...' })
  label!: string;

  @Field(() => ID, { description: 'Its id, e.g. "mistral-le-chat-free-training-2025".' })
  id!: string;

  @Field(() => EntityChangeEnum, {
    description: 'Whether approving would create it, update it or leave it unchanged.',
  })
  change!: EntityChange;

  @Field({
    description:
      'The graph changed this entity (its content, or its retraction) since the proposal was made.',
  })
  changedSinceProposed!: boolean;

  @Field(() => [FieldDiff], {
    description:
      'CREATED: every field proposed; UPDATED: the fields that differ (none when only the way the entry is written differs); UNCHANGED: none.',
  })
  fields!: FieldDiff[];
}
