import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';

export const VERSION_CHANGES = ['CREATED', 'UPDATED', 'RETRACTED'] as const;
export type VersionChange = (typeof VERSION_CHANGES)[number];

export const VersionChangeEnum = { CREATED: 'CREATED', UPDATED: 'UPDATED', RETRACTED: 'RETRACTED' };
registerEnumType(VersionChangeEnum, {
  name: 'VersionChange',
  description: 'What a write did to an entity.',
  valuesConfig: {
    CREATED: { description: 'First recorded.' },
    UPDATED: { description: 'Some of its content changed (see changedFields).' },
    RETRACTED: {
      description: 'A curator retracted it (the reason is the source); nothing was deleted.',
    },
  },
});

@ObjectType({
  description:
    'One state of an entity in the graph: what it said, from when to when the graph held it, and the write that recorded it.',
  simpleResolvers: true,
})
export class EntityVersion {
  @Field(() => DateTimeResolver, { description: 'When the graph started holding this state.' })
  recordedFrom!: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When a later write replaced it; null for the current state.',
  })
  recordedUntil!: string | null;

  @Field({ description: 'True for the state the graph holds now.' })
  current!: boolean;

  @Field(() => VersionChangeEnum, {
    description: 'What the write that recorded this state did to the entity.',
  })
  change!: VersionChange;

  @Field(() => [String], {
    nullable: true,
    description:
      "The entry's fields this state changed from the one before (e.g. validTo, rights); null when either state predates versions.",
  })
  changedFields!: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The write that recorded it: ingestBundle, recordPractice, recordIncident, retract, approveProposal... Null for seed files loaded from the command line.',
  })
  operation!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why or from where, as the writer gave it (a retraction gives its reason here).',
  })
  source!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The writer's API key id: for curators and admins only, null for others.",
  })
  keyId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The entity as written in this state: its bundle entry as canonical JSON (the seed format); null for states recorded before versions were kept.',
  })
  entry!: string | null;
}
