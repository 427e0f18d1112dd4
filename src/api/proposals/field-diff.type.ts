import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'One field of an entity, as the graph stores it now and as the proposal would write it. Values are JSON text; a partial date reads as written ("2025-02"), a relation as the ids it points to (with its properties, for evidence and rights).',
})
export class FieldDiff {
  @Field({
    description: 'The field: a property (summary, validFrom) or a relation (plans, sources).',
  })
  field!: string;

  @Field(() => String, { nullable: true, description: 'Now, in the graph; null when absent.' })
  current!: string | null;

  @Field(() => String, { nullable: true, description: 'As proposed; null when absent.' })
  proposed!: string | null;
}
