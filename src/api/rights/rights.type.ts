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
import { matrixCells } from './rights.query';

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
  @Field(() => Company)
  @Entry('company')
  company!: Company;

  @Field(() => Product)
  @Entry('product')
  product!: Product;

  @Field(() => Plan)
  @Entry('plan')
  plan!: Plan;

  @Field(() => Practice, { description: 'The practice in force that says so.' })
  @Entry('practice')
  practice!: Practice;

  @Field(() => Purpose)
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

  @Field(() => Right)
  @Entry('right')
  right!: Right;

  @Field(() => RightStatusEnum, { description: 'UNAVAILABLE or PAID_ONLY, as most sources say.' })
  @Computed((s) => handles(s, 'status'))
  status!: RightStatus;

  @Field(() => String, { nullable: true })
  @Computed((s) => handles(s, 'mechanism'))
  mechanism!: string | null;

  @Field(() => String, { nullable: true })
  @Computed((s) => handles(s, 'note'))
  note!: string | null;

  @Field(() => [Evidence])
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
  @Field(() => GdprRightEnum)
  @Prop('code')
  right!: GdprRight;

  @Field(() => RightStatusEnum, { description: 'UNKNOWN when no practice in force says.' })
  @Computed((s) => Cypher.coalesce(handles(s, 'status'), new Cypher.Literal('UNKNOWN')))
  status!: RightStatus;

  @Field(() => String, { nullable: true })
  @Computed((s) => handles(s, 'mechanism'))
  mechanism!: string | null;

  @Field(() => String, { nullable: true })
  @Computed((s) => handles(s, 'note'))
  note!: string | null;

  @Field(() => Practice, {
    nullable: true,
    description: 'The practice in force the status comes from.',
  })
  @Entry('practice')
  practice!: Practice | null;

  @Field(() => [Evidence], {
    description: 'The sources of that practice, supporting and disputing.',
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
  @Field(() => Company)
  @Entry('company')
  company!: Company;

  @Field(() => Product)
  @Entry('product')
  product!: Product;

  @Field(() => Plan)
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
  @Field(() => DateScalar)
  asOf!: string;

  @Field(() => ID, { nullable: true })
  purpose!: string | null;

  @Field(() => ScopeEnum)
  scope!: Scope;

  @Field(() => [GdprRightEnum], { description: 'The columns, in order.' })
  rights!: GdprRight[];

  @Field(() => Int, { description: 'How many rows (plans) the whole matrix has.' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [RightsMatrixRow], { description: 'Rows by company, product and tier.' })
  rows!: RightsMatrixRow[];
}
