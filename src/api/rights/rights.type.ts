import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import { GdprRightEnum, RightStatusEnum } from '../common/enums';
import {
  Company,
  Evidence,
  Plan,
  Practice,
  Product,
  Purpose,
  Right,
} from '../entities/entities.type';

@ArgsType()
export class PlansDenyingRightArgs {
  @Field(() => GdprRightEnum, { description: 'The right, e.g. OBJECT.' })
  right!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only practices for this purpose, e.g. "ai-model-training".',
  })
  purpose?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date the answer holds on; today when omitted.',
  })
  asOf?: string | null;
}

@ObjectType({
  description:
    'A plan on which a right cannot be exercised, or only for payment, with the evidence.',
})
export class PlanRightStatus {
  @Field(() => Company)
  company!: Company;

  @Field(() => Product)
  product!: Product;

  @Field(() => Plan)
  plan!: Plan;

  @Field(() => Practice, { description: 'The practice in force that says so.' })
  practice!: Practice;

  @Field(() => Purpose)
  purpose!: Purpose;

  @Field(() => Right)
  right!: Right;

  @Field(() => RightStatusEnum, { description: 'UNAVAILABLE or PAID_ONLY.' })
  status!: string;

  @Field(() => String, { nullable: true })
  mechanism!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [Evidence])
  supportingSources!: Evidence[];

  @Field(() => [Evidence], {
    description: 'Sources that dispute the practice, each with its competing claim.',
  })
  disputingSources!: Evidence[];

  @Field({ description: 'True when a source disputes the practice.' })
  disputed!: boolean;
}

@ArgsType()
export class RightsMatrixArgs {
  @Field(() => [ID], {
    nullable: true,
    description: 'The companies to show (at most 100); all companies when omitted.',
  })
  companies?: string[] | null;

  @Field(() => [GdprRightEnum], {
    nullable: true,
    description: 'The columns; every right when omitted.',
  })
  rights?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only practices for this purpose, e.g. "ai-model-training".',
  })
  purpose?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date the matrix holds on; today when omitted.',
  })
  asOf?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 20,
    description: 'How many rows (plans), 1 to 100.',
  })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Rows after this cursor (`pageInfo.endCursor`).',
  })
  after?: string | null;
}

@ObjectType({ description: 'How one plan handles one right on the date asked.' })
export class RightsMatrixCell {
  @Field(() => GdprRightEnum)
  right!: string;

  @Field(() => RightStatusEnum, { description: 'UNKNOWN when no practice in force says.' })
  status!: string;

  @Field(() => String, { nullable: true })
  mechanism!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Practice, {
    nullable: true,
    description: 'The practice in force the status comes from.',
  })
  practice!: Practice | null;

  @Field(() => [Evidence])
  sources!: Evidence[];

  @Field()
  disputed!: boolean;
}

@ObjectType({ description: 'One plan of the matrix.' })
export class RightsMatrixRow {
  @Field(() => Company)
  company!: Company;

  @Field(() => Product)
  product!: Product;

  @Field(() => Plan)
  plan!: Plan;

  @Field(() => [RightsMatrixCell], { description: 'One cell per right, in the order of `rights`.' })
  cells!: RightsMatrixCell[];
}

@ObjectType({
  description:
    'Company x plan x right: how each plan handles each right, as of a date. Rows are paginated.',
})
export class RightsMatrix {
  @Field(() => DateScalar)
  asOf!: string;

  @Field(() => ID, { nullable: true })
  purpose!: string | null;

  @Field(() => [GdprRightEnum], { description: 'The columns, in order.' })
  rights!: string[];

  @Field(() => Int, { description: 'How many rows (plans) the whole matrix has.' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [RightsMatrixRow], { description: 'Rows by company, product and tier.' })
  rows!: RightsMatrixRow[];
}
