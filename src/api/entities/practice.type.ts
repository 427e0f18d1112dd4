import Cypher from '@neo4j/cypher-builder';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { ProcessingDefault, Scope, VerificationLevel } from '../../graph/model';
import { DateScalar } from '../common/date.scalar';
import { ProcessingDefaultEnum, ScopeEnum, VerificationEnum } from '../common/enums';
import { PartialDateScalar } from '../common/partial-date.scalar';
import { Computed } from '../translate/fields/computed-field';
import { Prop } from '../translate/fields/property-field';
import { hop, Related } from '../translate/fields/related-field';
import { Projected } from '../translate/projection';
import { partialDate } from './conditions';
import { DataCategory } from './data-category.type';
import { Evidence, evidenceOf, LastAttested } from './evidence.type';
import { LegalBasis } from './legal-basis.type';
import { Plan } from './plan.type';
import { Purpose } from './purpose.type';
import { RightHandling } from './right-handling.type';

/** True when a source disputes the statement, as a whole or in one of its claims. */
export function disputedStatement(node: Cypher.Variable): Cypher.Predicate {
  return new Cypher.Exists(
    new Cypher.Pattern(node)
      .related({
        type: 'EVIDENCED_BY',
        direction: 'right',
        properties: { stance: new Cypher.Literal('DISPUTES') },
      })
      .to(new Cypher.Node(), { labels: ['Source'] }),
  );
}

@ObjectType({
  description:
    'A dated, sourced statement of what a company does with data on some plans for one purpose, in a territorial scope, and how each right can be exercised.',
  simpleResolvers: true,
})
@Projected()
export class Practice {
  @Field(() => ID, {
    description: 'The practice\'s id, e.g. "mistral-le-chat-free-training-2024".',
  })
  @Prop()
  id!: string;

  @Field({ description: "In the curators' words; disputed claims are attributed." })
  @Prop()
  summary!: string;

  @Field(() => ProcessingDefaultEnum, {
    description: 'Whether the processing happens when the user does nothing.',
  })
  @Prop()
  default!: ProcessingDefault;

  @Field(() => [ScopeEnum], { description: 'Where the statement applies.' })
  @Prop()
  scope!: Scope[];

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      'First day (or month, or year) in force; null when the sources do not say when it started.',
  })
  @Computed(({ node }) => partialDate(node, 'validFrom'))
  validFrom!: string | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'First day (or month, or year) no longer in force; null while in force.',
  })
  @Computed(({ node }) => partialDate(node, 'validTo'))
  validTo!: string | null;

  @Field({ description: 'Whether the sources say when it started.' })
  @Computed(({ node }) => Cypher.isNotNull(node.property('validFrom')))
  startKnown!: boolean;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      'With no known start: the earliest date a source shows it in force, as the curators gave it.',
  })
  @Computed(({ node }) => partialDate(node, 'attestedFrom'))
  attestedFrom!: string | null;

  @LastAttested()
  lastAttested!: string | null;

  @Field(() => DateScalar, {
    description:
      'The first day questions count it in force: the last day of a start known to the month or year; with no known start, the earliest date a source shows it.',
  })
  @Prop()
  inForceFrom!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The first day questions no longer count it: the first day of its end.',
  })
  @Prop()
  inForceUntil!: string | null;

  @Field(() => VerificationEnum, {
    description: 'How well the curators could check this statement.',
  })
  @Prop()
  verification!: VerificationLevel;

  @Field(() => DateTimeResolver, { description: 'When the graph first recorded this statement.' })
  @Prop()
  recordedAt!: string;

  @Field(() => DateTimeResolver, { description: 'When the graph last changed this statement.' })
  @Prop()
  updatedAt!: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When a curator retracted this statement; it stays visible for the dates before.',
  })
  @Prop()
  retractedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was retracted.' })
  @Prop()
  retractionReason!: string | null;

  @Field({ description: 'True when a source disputes this statement or one of its claims.' })
  @Computed(({ node }) => disputedStatement(node))
  disputed!: boolean;

  @Field(() => [Plan], { description: 'The plans it applies to.' })
  @Related(hop('APPLIES_TO', 'out', 'Plan', ['id']))
  plans!: Plan[];

  @Field(() => Plan, {
    deprecationReason: 'A practice may apply to several plans: use `plans`.',
    description: 'The first of `plans`.',
  })
  @Related(hop('APPLIES_TO', 'out', 'Plan', ['id']))
  plan!: Plan;

  @Field(() => Purpose, { description: 'The purpose of processing the statement is about.' })
  @Related(hop('FOR_PURPOSE', 'out', 'Purpose'))
  purpose!: Purpose;

  @Field(() => [DataCategory], {
    description: 'The categories of personal data the statement is about, in order of id.',
  })
  @Related(hop('PROCESSES', 'out', 'DataCategory', ['id']))
  dataCategories!: DataCategory[];

  @Field(() => LegalBasis, {
    nullable: true,
    description: 'The legal basis the company claims, when a source says; null: not established.',
  })
  @Related(hop('ON_BASIS', 'out', 'LegalBasis'))
  legalBasis!: LegalBasis | null;

  @Field(() => [RightHandling], { description: 'How each right can be exercised, by right code.' })
  @Related(hop('HANDLES', 'out', 'Right', ['code']))
  rights!: RightHandling[];

  @Field(() => [Evidence], {
    description:
      'Every source cited: supporting ones first, then disputing, each by publication date, undated ones last.',
  })
  @Related(evidenceOf())
  evidence!: Evidence[];

  @Field(() => [Evidence], {
    description: 'Sources that back this statement or one of its claims.',
  })
  @Related(evidenceOf('SUPPORTS'))
  supportingSources!: Evidence[];

  @Field(() => [Evidence], {
    description:
      'Sources that contradict this statement or one of its claims, each with its competing claim.',
  })
  @Related(evidenceOf('DISPUTES'))
  disputingSources!: Evidence[];

  @Field(() => Practice, { nullable: true, description: 'The practice this one succeeded.' })
  @Related(hop('REPLACES', 'out', 'Practice'))
  replaces!: Practice | null;

  @Field(() => Practice, { nullable: true, description: 'The practice that succeeded this one.' })
  @Related(hop('REPLACES', 'in', 'Practice'))
  replacedBy!: Practice | null;
}
