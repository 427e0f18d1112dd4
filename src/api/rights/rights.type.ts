import Cypher from '@neo4j/cypher-builder';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { GdprRight, RightStatus, Scope } from '../../graph/model';
import { Connection, PageInfo } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import { GdprRightEnum, RightStatusEnum, ScopeEnum } from '../common/enums';
import { Company } from '../entities/company.type';
import { Evidence, evidenceOfExpr } from '../entities/evidence.type';
import { Plan } from '../entities/plan.type';
import { Practice } from '../entities/practice.type';
import { Product } from '../entities/product.type';
import { Purpose } from '../entities/purpose.type';
import { Right } from '../entities/right.type';
import { rightDisputed, rightDisputes } from '../entities/right-handling.type';
import { Computed } from '../translate/fields/computed-field';
import { Entry } from '../translate/fields/nested-field';
import { Prop } from '../translate/fields/property-field';
import { Related } from '../translate/fields/related-field';
import { Projected, type Origin } from '../translate/projection';
import { WithPlanDenialFacets } from './plan-denial-facets.type';
import { matrixCells, otherPractices, otherStatuses } from './rights.query';

/** Rows of both rights questions are maps their queries build: {company, product, plan, practice, handles...}. */
const practiceOf = (s: Origin) => s.node.property('practice');
const handles = (s: Origin, key: string) => s.node.property('handles').property(key);

@ObjectType({
  description:
    'A plan on which a right cannot be exercised, or only for payment, with the evidence on both sides.',
  simpleResolvers: true,
})
@Projected()
export class PlanRightStatus {
  @Field(() => Company, { description: 'The company that offers the plan.' })
  @Entry('company')
  company!: Company;

  @Field(() => Product, { description: 'The product the plan is of.' })
  @Entry('product')
  product!: Product;

  @Field(() => Plan, { description: 'The plan, offered on the date asked.' })
  @Entry('plan')
  plan!: Plan;

  @Field(() => Practice, { description: 'The practice in force that says so.' })
  @Entry('practice')
  practice!: Practice;

  @Field(() => Purpose, { description: 'The purpose of that practice.' })
  @Related({
    match: ({ source, to }) => {
      const p = new Cypher.Node();
      return Cypher.utils.concat(
        new Cypher.With([practiceOf(source), p]),
        new Cypher.Match(
          new Cypher.Pattern(p)
            .related({ type: 'FOR_PURPOSE', direction: 'right' })
            .to(to, { labels: ['Purpose'] }),
        ),
      );
    },
  })
  purpose!: Purpose;

  @Field(() => Right, { description: 'The right asked about.' })
  @Entry('right')
  right!: Right;

  @Field(() => RightStatusEnum, { description: 'UNAVAILABLE or PAID_ONLY, as most sources say.' })
  @Computed((s) => handles(s, 'status'))
  status!: RightStatus;

  @Field(() => String, {
    nullable: true,
    description: 'How to exercise it, as the practice states; null when it does not say.',
  })
  @Computed((s) => handles(s, 'mechanism'))
  mechanism!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The curators' note on this right's status; null when there is none.",
  })
  @Computed((s) => handles(s, 'note'))
  note!: string | null;

  @Field(() => [Evidence], {
    description: 'Sources that support the practice, as a whole or one of its claims.',
  })
  @Related(evidenceOfExpr(practiceOf, 'SUPPORTS'))
  supportingSources!: Evidence[];

  @Field(() => [Evidence], {
    description:
      'Sources that dispute the practice or one of its claims, each with its competing claim.',
  })
  @Related(evidenceOfExpr(practiceOf, 'DISPUTES'))
  disputingSources!: Evidence[];

  @Field(() => [Evidence], {
    description:
      "Sources that dispute this right's status (or the whole practice), with the status each claims instead.",
  })
  @rightDisputes(practiceOf, (s) => s.node.property('right').property('code'))
  disputes!: Evidence[];

  @Field({ description: "True when a source disputes this right's status or the whole practice." })
  @rightDisputed(practiceOf, (s) => s.node.property('right').property('code'))
  disputed!: boolean;
}

export const PlanRightStatusConnection = Connection(
  () => PlanRightStatus,
  'PlanRightStatus',
  'plan',
  WithPlanDenialFacets,
);

@ObjectType({
  description: 'How one plan handles one right on the date asked.',
  simpleResolvers: true,
})
@Projected()
export class RightsMatrixCell {
  @Field(() => GdprRightEnum, { description: 'The right (the column).' })
  @Prop('code')
  right!: GdprRight;

  @Field(() => RightStatusEnum, { description: 'UNKNOWN when no practice in force says.' })
  @Computed((s) => Cypher.coalesce(handles(s, 'status'), new Cypher.Literal('UNKNOWN')))
  status!: RightStatus;

  @Field(() => [RightStatusEnum], {
    description:
      'The other statuses that practices in force on this plan give this right, each once, newest first: those of practices for other purposes when the matrix was asked without `purpose` (the cell shows the newest practice, whatever its purpose), or of another practice for the same purpose in force too (a worldwide one beside an EEA one). Empty when they agree; ask with `purpose` to read one purpose.',
  })
  @Computed((s) => otherStatuses(s.node))
  otherStatuses!: RightStatus[];

  @Field(() => [Practice], {
    description:
      'The practices behind `otherStatuses`, newest first: the other practices in force on this plan that give this right another status. Each gives its purpose, and its status for the right in `rights`.',
  })
  @Related({ match: otherPractices })
  otherPractices!: Practice[];

  @Field(() => String, {
    nullable: true,
    description:
      'How to exercise it, as the practice states; null when it does not say or no practice says.',
  })
  @Computed((s) => handles(s, 'mechanism'))
  mechanism!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The curators' note on the status; null when there is none or no practice says.",
  })
  @Computed((s) => handles(s, 'note'))
  note!: string | null;

  @Field(() => Practice, {
    nullable: true,
    description: 'The practice in force the status comes from.',
  })
  @Entry('practice')
  practice!: Practice | null;

  @Field(() => [Evidence], {
    description:
      'The sources of that practice: supporting ones first, then disputing, each by publication date, undated ones last.',
  })
  @Related(evidenceOfExpr(practiceOf))
  sources!: Evidence[];

  @Field(() => [Evidence], {
    description:
      'Sources that dispute this status (or the whole practice), with the status each claims instead.',
  })
  @rightDisputes(practiceOf, (s) => s.node.property('code'))
  disputes!: Evidence[];

  @Field({ description: 'True when a source disputes this status or the whole practice.' })
  @rightDisputed(practiceOf, (s) => s.node.property('code'))
  disputed!: boolean;
}

@ObjectType({ description: 'One plan of the matrix.', simpleResolvers: true })
@Projected()
export class RightsMatrixRow {
  @Field(() => Company, { description: 'The company that offers the plan.' })
  @Entry('company')
  company!: Company;

  @Field(() => Product, { description: 'The product the plan is of.' })
  @Entry('product')
  product!: Product;

  @Field(() => Plan, { description: 'The plan (the row), offered on `asOf`.' })
  @Entry('plan')
  plan!: Plan;

  @Field(() => [RightsMatrixCell], { description: 'One cell per right, in the order of `rights`.' })
  @Related({ match: matrixCells })
  cells!: RightsMatrixCell[];
}

@ObjectType({
  description:
    'Company x plan x right: how each plan handles each right, as of a date, in a scope. Rows (the plans offered then) are paginated.',
  simpleResolvers: true,
})
export class RightsMatrix {
  @Field(() => DateScalar, {
    description: 'The date the matrix holds on: the one asked, or today.',
  })
  asOf!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The purpose asked for; null when none was: practices for every purpose count.',
  })
  purpose!: string | null;

  @Field(() => ScopeEnum, { description: 'The scope asked for; EEA by default.' })
  scope!: Scope;

  @Field(() => [GdprRightEnum], { description: 'The columns, in order.' })
  rights!: GdprRight[];

  @Field(() => Int, { description: 'How many rows (plans) the whole matrix has.' })
  totalCount!: number;

  @Field(() => PageInfo, {
    description: 'Whether more rows follow, and the cursor to pass as `after` for them.',
  })
  pageInfo!: PageInfo;

  @Field(() => [RightsMatrixRow], { description: 'Rows by company, product and tier.' })
  rows!: RightsMatrixRow[];
}
