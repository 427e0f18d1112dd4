import Cypher from '@neo4j/cypher-builder';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { IncidentKind, IncidentStatus, VerificationLevel } from '../../graph/model';
import { IncidentKindEnum, IncidentStatusEnum, VerificationEnum } from '../common/enums';
import { PartialDateScalar } from '../common/partial-date.scalar';
import { Computed } from '../translate/fields/computed-field';
import { Nested } from '../translate/fields/nested-field';
import { Prop } from '../translate/fields/property-field';
import { hop, Related } from '../translate/fields/related-field';
import { itemAt } from '../translate/list-item';
import { Projected } from '../translate/projection';
import { Authority } from './authority.type';
import { Company } from './company.type';
import { partialDate } from './conditions';
import { Evidence, evidenceOf, LastAttested } from './evidence.type';
import { Money } from './money.type';
import { Party } from './party.type';
import { Plan } from './plan.type';
import { Practice, disputedStatement } from './practice.type';
import { Provision } from './provision.type';
import { StatusChange } from './status-change.type';

/** The status history, from the parallel lists it is stored in, as maps (oldest first). */
function statusHistory(incident: Cypher.Variable): Cypher.Expr {
  const i = new Cypher.Variable();
  const at = (name: string) => itemAt(incident.property(name), i);
  const day = Cypher.toString(at('historyDates'));
  const precision = at('historyPrecisions');
  return new Cypher.ListComprehension(i)
    .in(
      Cypher.range(
        new Cypher.Literal(0),
        Cypher.minus(
          Cypher.size(Cypher.coalesce(incident.property('historyStatuses'), new Cypher.List([]))),
          new Cypher.Literal(1),
        ),
      ),
    )
    .map(
      new Cypher.Map({
        status: at('historyStatuses'),
        date: new Cypher.Case(precision)
          .when(new Cypher.Literal('YEAR'))
          .then(Cypher.left(day, new Cypher.Literal(4)))
          .when(new Cypher.Literal('MONTH'))
          .then(Cypher.left(day, new Cypher.Literal(7)))
          .else(day),
        note: Cypher.nullIf(at('historyNotes'), new Cypher.Literal('')),
        source: Cypher.nullIf(at('historySources'), new Cypher.Literal('')),
      }),
    );
}

@ObjectType({
  description:
    'A complaint, investigation, decision, fine, order, ruling, appeal, guidance, opinion, letter, undertaking, policy change or company statement.',
  simpleResolvers: true,
})
@Projected()
export class Incident {
  @Field(() => ID, { description: 'The incident\'s id, e.g. "garante-deepseek-order-2025".' })
  @Prop()
  id!: string;

  @Field(() => IncidentKindEnum, { description: 'What kind of event it is.' })
  @Prop()
  kind!: IncidentKind;

  @Field({ description: "A short title in the curators' words." })
  @Prop()
  title!: string;

  @Field(() => PartialDateScalar, { description: 'When it happened, to the day, month or year.' })
  @Computed(({ node }) => partialDate(node, 'date'))
  date!: string;

  @Field(() => IncidentStatusEnum, { description: 'The latest known status.' })
  @Prop()
  status!: IncidentStatus;

  @Field(() => [StatusChange], { description: 'Dated status changes, oldest first.' })
  @Nested(({ node }) => statusHistory(node))
  statusHistory!: StatusChange[];

  @Field(() => String, {
    nullable: true,
    description: 'The case or decision number, as the source gives it.',
  })
  @Prop()
  caseNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "What was decided or ordered, in the curators' words.",
  })
  @Prop()
  outcome!: string | null;

  @Field(() => Money, {
    nullable: true,
    description: 'The fine or amount at stake, when there is one.',
  })
  @Nested(({ node }) =>
    new Cypher.Case()
      .when(Cypher.isNull(node.property('amount')))
      .then(Cypher.Null)
      .else(
        new Cypher.Map({ value: node.property('amount'), currency: node.property('currency') }),
      ),
  )
  amount!: Money | null;

  @Field({ description: "What happened, in the curators' words; disputed claims are attributed." })
  @Prop()
  summary!: string;

  @Field(() => VerificationEnum, { description: 'How well the curators could check this account.' })
  @Prop()
  verification!: VerificationLevel;

  @LastAttested(
    'The publication date of the newest dated source that supports this account (any of its claims), as precisely as that source gives it; null when no supporting source prints a date. An open matter whose newest source is old may have moved on: check it before citing its status as current.',
  )
  lastAttested!: string | null;

  @Field(() => DateTimeResolver, { description: 'When the graph first recorded this incident.' })
  @Prop()
  recordedAt!: string;

  @Field(() => DateTimeResolver, { description: 'When the graph last changed this incident.' })
  @Prop()
  updatedAt!: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When a curator retracted this incident; it then leaves lists and counts.',
  })
  @Prop()
  retractedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was retracted.' })
  @Prop()
  retractionReason!: string | null;

  @Field({ description: 'True when a source disputes this account or one of its claims.' })
  @Computed(({ node }) => disputedStatement(node))
  disputed!: boolean;

  @Field(() => [Company], {
    description: 'The companies it is aimed at; none for guidance and opinions.',
  })
  @Related(hop('AGAINST', 'out', 'Company', ['name']))
  against!: Company[];

  @Field(() => [Authority], {
    description: 'Authorities it is aimed at, e.g. an appeal against a decision.',
  })
  @Related(hop('AGAINST', 'out', 'Authority', ['name']))
  againstAuthorities!: Authority[];

  @Field(() => Authority, {
    nullable: true,
    description: 'The authority or court it was brought before.',
  })
  @Related(hop('BEFORE', 'out', 'Authority'))
  before!: Authority | null;

  @Field(() => [Party], {
    description: 'The parties that brought it, in order of name; empty when none is recorded.',
  })
  @Related(hop('BROUGHT_BY', 'out', 'Party', ['name']))
  broughtBy!: Party[];

  @Field(() => [Provision], { description: 'The provisions it cites.' })
  @Related(hop('CITES', 'out', 'Provision', ['regulation', 'article', 'paragraph', 'point']))
  cites!: Provision[];

  @Field(() => [Plan], { description: 'The plans it concerns, in order of id.' })
  @Related(hop('CONCERNS', 'out', 'Plan', ['id']))
  concernsPlans!: Plan[];

  @Field(() => [Practice], {
    description:
      "The practices it concerns, in order of id: a practice retracted since stays listed, with its `retractedAt`, as it stays in its plans' histories.",
  })
  @Related(hop('CONCERNS', 'out', 'Practice', ['id']))
  concernsPractices!: Practice[];

  @Field(() => [Evidence], {
    description:
      'Every source cited: supporting ones first, then disputing, each by publication date, undated ones last.',
  })
  @Related(evidenceOf())
  evidence!: Evidence[];

  @Field(() => [Evidence], { description: 'Sources that back this account or one of its claims.' })
  @Related(evidenceOf('SUPPORTS'))
  supportingSources!: Evidence[];

  @Field(() => [Evidence], {
    description:
      'Sources that contradict this account or one of its claims, each with its competing claim.',
  })
  @Related(evidenceOf('DISPUTES'))
  disputingSources!: Evidence[];
}
