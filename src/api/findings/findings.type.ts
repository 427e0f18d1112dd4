import { ArgsType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, PageArgs } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import {
  Company,
  Evidence,
  Plan,
  Practice,
  Product,
  Provision,
  Right,
} from '../entities/entities.type';
import { FINDING_KINDS, FINDING_RULES } from './rules';

export const FindingKindEnum = Object.fromEntries(FINDING_KINDS.map((k) => [k, k])) as {
  [K in (typeof FINDING_KINDS)[number]]: K;
};
registerEnumType(FindingKindEnum, {
  name: 'FindingKind',
  description: 'The rules that derive findings.',
  valuesConfig: Object.fromEntries(
    FINDING_KINDS.map((k) => [k, { description: FINDING_RULES[k].description }]),
  ),
});

@ObjectType({
  description:
    'A conclusion derived by a rule from the graph, with the facts, provisions and sources it rests on.',
})
export class Finding {
  @Field(() => ID, { description: 'Stable for the same rule and facts.' })
  id!: string;

  @Field(() => FindingKindEnum)
  kind!: string;

  @Field({ description: "The rule's name." })
  title!: string;

  @Field({ description: 'Why the rule fired, in words, from the facts.' })
  explanation!: string;

  @Field(() => Company)
  company!: Company;

  @Field(() => Product)
  product!: Product;

  @Field(() => [Plan], { description: 'The plans involved: first the one the finding is about.' })
  plans!: Plan[];

  @Field(() => [Practice], { description: 'The practices that triggered the rule.' })
  practices!: Practice[];

  @Field(() => Right, {
    nullable: true,
    description: 'The right at stake, when the rule is about one.',
  })
  right!: Right | null;

  @Field(() => [Provision], { description: 'The provisions the finding rests on.' })
  provisions!: Provision[];

  @Field(() => [Evidence], {
    description: 'The sources of the triggering practices, supporting and disputing.',
  })
  evidence!: Evidence[];

  @Field({ description: 'True when a source disputes one of the triggering practices.' })
  disputed!: boolean;
}

export const FindingConnection = Connection(Finding, 'Finding', 'finding');

@ArgsType()
export class FindingsArgs extends PageArgs {
  @Field(() => FindingKindEnum, { nullable: true, description: 'Only findings of this rule.' })
  kind?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only findings about this company.' })
  company?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date the facts hold on; today when omitted.',
  })
  asOf?: string | null;
}
