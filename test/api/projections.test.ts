/**
 * Every field of a compiled type declares how it is read from the graph, on the field itself:
 * a field without a projection, or a projection on no field, stops the schema build (and so
 * `npm start` and `npm test`) with a message naming it.
 */
import type { GraphQLObjectType } from 'graphql';
import { Field, ID, ObjectType } from 'type-graphql';
import { createEvents } from '../../src/api/events';
import { buildApiSchema } from '../../src/api/schema';
import { Prop } from '../../src/api/translate/fields/property-field';
import { Projected, projectionOf } from '../../src/api/translate/projection';

@ObjectType({ simpleResolvers: true })
@Projected()
class Forgotten {
  @Field(() => ID)
  @Prop()
  id!: string;

  // A field added without saying how it is read.
  @Field()
  nickname!: string;
}

@ObjectType({ simpleResolvers: true })
@Projected()
class Stray {
  @Field(() => ID)
  @Prop()
  id!: string;

  // A projection left behind on a property that is no longer a field.
  @Prop('oldName')
  oldName!: string;
}

@ObjectType({ simpleResolvers: true })
class NotProjected {
  @Field()
  @Prop()
  name!: string;
}

describe('projections declared on the fields', () => {
  it('give every field of every compiled type of the API a projection', async () => {
    const schema = await buildApiSchema(createEvents());
    const practice = schema.getType('Practice') as GraphQLObjectType;
    expect(projectionOf(practice.getFields().inForceFrom!)?.describe).toBe('property (field name)');
    expect(projectionOf(practice.getFields().plans!)?.describe).toBe('related nodes');
  });

  it('stop the schema build, naming the field, when a field has none', async () => {
    await expect(buildApiSchema(createEvents(), { orphanedTypes: [Forgotten] })).rejects.toThrow(
      /Forgotten\.nickname has no projection/,
    );
  });

  it('stop the schema build, naming the property, when a projection belongs to no field', async () => {
    await expect(buildApiSchema(createEvents(), { orphanedTypes: [Stray] })).rejects.toThrow(
      /Stray\.oldName has a projection but is not a field of Stray \(add @Field\)/,
    );
  });

  it('stop the schema build when a type with projections is not marked as compiled', async () => {
    await expect(buildApiSchema(createEvents(), { orphanedTypes: [NotProjected] })).rejects.toThrow(
      /NotProjected\.name has a projection, but NotProjected is not marked @Projected\(\)/,
    );
  });
});
