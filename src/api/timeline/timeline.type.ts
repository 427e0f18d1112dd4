import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection';
import { PartialDateScalar } from '../common/partial-date.scalar';
import { Incident } from '../entities/incident.type';
import { Plan } from '../entities/plan.type';
import { Practice } from '../entities/practice.type';
import { Computed } from '../translate/fields/computed-field';
import { Entry } from '../translate/fields/nested-field';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';
import { changeLines, entryTitle } from './timeline.words';

export const TIMELINE_ENTRY_KINDS = [
  'PRACTICE_STARTED',
  'PRACTICE_CHANGED',
  'PRACTICE_ENDED',
  'INCIDENT',
] as const;
export type TimelineEntryKind = (typeof TIMELINE_ENTRY_KINDS)[number];
export const TimelineEntryKindEnum = Object.fromEntries(
  TIMELINE_ENTRY_KINDS.map((k) => [k, k]),
) as {
  [K in TimelineEntryKind]: K;
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

@ObjectType({ description: "One dated event of a company's timeline.", simpleResolvers: true })
@Projected()
export class TimelineEntry {
  @Field(() => ID, {
    description:
      '"practice-started:", "practice-ended:" or "incident:" and the entity id, e.g. "incident:garante-deepseek-order-2025".',
  })
  @Prop()
  id!: string;

  @Field(() => PartialDateScalar, {
    description: 'When, to the day, month or year, as the sources say.',
  })
  @Prop()
  date!: string;

  @Field(() => TimelineEntryKindEnum, {
    description: 'What happened: a practice started, changed or ended, or an incident.',
  })
  @Prop()
  kind!: TimelineEntryKind;

  @Field({
    description:
      'A heading: "New practice on", "Practice changed on" or "Practice ended on" its plans and purpose; or the incident\'s title.',
  })
  @Computed(({ node }) => node.property('titleFacts'), entryTitle)
  title!: string;

  @Field(() => [String], {
    description: 'What changed, e.g. "Right to object: PAID_ONLY -> ON_REQUEST".',
  })
  @Computed(({ node }) => node.property('changeFacts'), changeLines)
  changes!: string[];

  @Field(() => [Plan], { description: 'The plans the practice applies to.' })
  @Entry('plans')
  plans!: Plan[];

  @Field(() => Plan, {
    nullable: true,
    deprecationReason: 'A practice may apply to several plans: use `plans`.',
    description: 'The first of `plans` (by id); null for an incident.',
  })
  @Entry('plan')
  plan!: Plan | null;

  @Field(() => Practice, {
    nullable: true,
    description: 'The practice that started, changed (the new one) or ended; null for an incident.',
  })
  @Entry('practice')
  practice!: Practice | null;

  @Field(() => Practice, { nullable: true, description: 'For a change: the practice it replaced.' })
  @Entry('previous')
  previous!: Practice | null;

  @Field(() => Incident, {
    nullable: true,
    description: 'For an INCIDENT entry: the incident; null for a practice entry.',
  })
  @Entry('incident')
  incident!: Incident | null;
}

export const TimelineConnection = Connection(
  () => TimelineEntry,
  'TimelineEntry',
  'timeline entry',
);
