import { ArgsType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, PageArgs } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import { Incident, Plan, Practice } from '../entities/entities.type';

export const TIMELINE_ENTRY_KINDS = [
  'PRACTICE_STARTED',
  'PRACTICE_CHANGED',
  'PRACTICE_ENDED',
  'INCIDENT',
] as const;
export const TimelineEntryKindEnum = Object.fromEntries(
  TIMELINE_ENTRY_KINDS.map((k) => [k, k]),
) as {
  [K in (typeof TIMELINE_ENTRY_KINDS)[number]]: K;
};
registerEnumType(TimelineEntryKindEnum, {
  name: 'TimelineEntryKind',
  description: "What happened on a date of a company's timeline.",
  valuesConfig: {
    PRACTICE_STARTED: { description: 'A practice came into force with no predecessor.' },
    PRACTICE_CHANGED: {
      description: 'A practice replaced an earlier one; `changes` says what differs.',
    },
    PRACTICE_ENDED: { description: 'A practice stopped with no successor starting that day.' },
    INCIDENT: { description: 'A complaint, decision, statement or other incident.' },
  },
});

@ObjectType({ description: "One dated event of a company's timeline." })
export class TimelineEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar)
  date!: string;

  @Field(() => TimelineEntryKindEnum)
  kind!: string;

  @Field()
  title!: string;

  @Field(() => [String], {
    description: 'What changed, e.g. "Right to object: UNAVAILABLE -> AVAILABLE".',
  })
  changes!: string[];

  @Field(() => Plan, { nullable: true })
  plan!: Plan | null;

  @Field(() => Practice, { nullable: true })
  practice!: Practice | null;

  @Field(() => Practice, { nullable: true, description: 'For a change: the practice it replaced.' })
  previous!: Practice | null;

  @Field(() => Incident, { nullable: true })
  incident!: Incident | null;
}

export const TimelineConnection = Connection(TimelineEntry, 'TimelineEntry', 'timeline entry');

@ArgsType()
export class TimelineArgs extends PageArgs {
  @Field(() => ID, { description: 'The company, e.g. "mistral-ai".' })
  company!: string;

  @Field(() => DateScalar, { nullable: true, description: 'From this date (inclusive).' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Up to this date (inclusive).' })
  to?: string | null;
}
