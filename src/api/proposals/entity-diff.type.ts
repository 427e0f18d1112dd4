import { Field, ID, ObjectType } from 'type-graphql';
import { type EntityChange, EntityChangeEnum } from './proposals.enums';
import { FieldDiff } from './field-diff.type';

@ObjectType({
  description: 'What approving a proposal would do to one entity, against the graph now.',
})
export class EntityDiff {
  @Field()
  label!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => EntityChangeEnum)
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
