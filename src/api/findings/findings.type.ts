import Cypher from '@neo4j/cypher-builder';
import { ArgsType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Scope, VerificationLevel } from '../../graph/model';
import { Connection, PageArgs } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import { ScopeEnum, VerificationEnum } from '../common/enums';
import { Company } from '../entities/company.type';
import { Evidence, evidenceOrder } from '../entities/evidence.type';
import { LegalBasis } from '../entities/legal-basis.type';
import { Plan } from '../entities/plan.type';
import { Practice } from '../entities/practice.type';
import { Product } from '../entities/product.type';
import { Provision } from '../entities/provision.type';
import { Purpose } from '../entities/purpose.type';
import { Right } from '../entities/right.type';
import { Nested } from '../translate/fields/nested-field';
import { Prop } from '../translate/fields/property-field';
import { Related } from '../translate/fields/related-field';
import { Projected } from '../translate/projection';
import { FINDING_KINDS, type FindingKind } from './findings.rules';
import { FINDING_DESCRIPTIONS, FINDING_STANDINGS, type FindingStanding } from './findings.words';
import { KnownAtField } from '../common/known-at';

export const FindingKindEnum = Object.fromEntries(FINDING_KINDS.map((k) => [k, k])) as {
  [K in FindingKind]: K;
};
registerEnumType(FindingKindEnum, {
  name: 'FindingKind',
  description: 'The rules that derive findings.',
  valuesConfig: Object.fromEntries(
    FINDING_KINDS.map((k) => [k, { description: FINDING_DESCRIPTIONS[k] }]),
  ),
});

export const FindingStandingEnum = Object.fromEntries(FINDING_STANDINGS.map((k) => [k, k])) as {
  [K in FindingStanding]: K;
};
registerEnumType(FindingStandingEnum, {
  name: 'FindingStanding',
  description: 'How well the facts a finding rests on stand.',
  valuesConfig: {
    ESTABLISHED: { description: 'Every fact it uses is verified and none is disputed.' },
    ALLEGED: {
      description:
        "A fact it uses is disputed: the finding holds only on one side's account, which the explanation attributes, with the other side.",
    },
    UNCONFIRMED: { description: 'No fact is disputed, but one rests only on secondary sources.' },
  },
});

/** A finding row of the page query is a map of the composed finding: entities by id. */
const byId = (label: string, key: string, property = 'id') =>
  Nested(({ node }) => {
    const n = new Cypher.Node();
    return Cypher.head(
      new Cypher.Collect(
        Cypher.utils.concat(
          new Cypher.Match(new Cypher.Pattern(n, { labels: [label] })).where(
            Cypher.eq(n.property(property), node.property(key)),
          ),
          new Cypher.Return(n),
        ),
      ),
    );
  });

/** Entities whose ids a list entry holds, in the list's order. */
const byIds = (label: string, key: string) =>
  Related({
    match: ({ source, to }) => {
      const id = new Cypher.Variable();
      return Cypher.utils.concat(
        new Cypher.Unwind([source.node.property(key), id]),
        new Cypher.Match(new Cypher.Pattern(to, { labels: [label] })).where(
          Cypher.eq(to.property('id'), id),
        ),
      );
    },
  });

@ObjectType({
  description:
    'A conclusion derived by a rule from the facts holding on a date, with the facts, provisions and sources it rests on, and how well they stand.',
  simpleResolvers: true,
})
@Projected()
export class Finding {
  @Field(() => ID, { description: 'Stable for the same rule and facts.' })
  @Prop()
  id!: string;

  @Field(() => FindingKindEnum, { description: 'The rule that derived it.' })
  @Prop()
  kind!: FindingKind;

  @Field({ description: "The rule's name." })
  @Prop()
  title!: string;

  @Field({
    description:
      'Why the rule fired, in words composed from the facts: disputed claims are attributed to whoever makes them, with the other side.',
  })
  @Prop()
  explanation!: string;

  @Field(() => FindingStandingEnum, {
    description: 'Whether it rests on established facts, on allegations, or on unconfirmed facts.',
  })
  @Prop()
  standing!: FindingStanding;

  @Field(() => VerificationEnum, {
    description: 'The weakest verification of the practices it uses.',
  })
  @Prop()
  verification!: VerificationLevel;

  @Field({
    description:
      "False when the sources do not establish the legal basis the rule's law depends on (the explanation says so).",
  })
  @Prop()
  legalBasisEstablished!: boolean;

  @Field({ description: 'True when a source disputes a fact the finding uses.' })
  @Prop()
  disputed!: boolean;

  @Field(() => Company, { description: 'The company offering the product.' })
  @byId('Company', 'company')
  company!: Company;

  @Field(() => Product, {
    description:
      'The product whose plans it is about; for a practice covering several products, that of the first plan by id.',
  })
  @byId('Product', 'product')
  product!: Product;

  @Field(() => Purpose, {
    description: 'The purpose of the practice it is about (the practices compared share it).',
  })
  @byId('Purpose', 'purpose')
  purpose!: Purpose;

  @Field(() => [Plan], { description: 'The plans involved: first those the finding is about.' })
  @byIds('Plan', 'plans')
  plans!: Plan[];

  @Field(() => [Practice], {
    description: 'The practices the rule used: first the one it is about.',
  })
  @byIds('Practice', 'practices')
  practices!: Practice[];

  @Field(() => Right, {
    nullable: true,
    description: 'The right at stake, when the rule is about one.',
  })
  @byId('Right', 'right', 'code')
  right!: Right | null;

  @Field(() => LegalBasis, {
    nullable: true,
    description: 'The legal basis claimed, when a source says.',
  })
  @byId('LegalBasis', 'basis')
  legalBasis!: LegalBasis | null;

  @Field(() => [Provision], {
    description: 'The provisions the finding rests on (those the graph holds).',
  })
  @byIds('Provision', 'provisions')
  provisions!: Provision[];

  @Field(() => [Evidence], {
    description:
      'The sources of the practices used, supporting and disputing: one entry for each practice citing a source, so a source cited by two appears twice. `practices { evidence }` says which practice each speaks to.',
  })
  @Related({
    relationship: true,
    match: ({ source, to, rel }) => {
      const id = new Cypher.Variable();
      const p = new Cypher.Node();
      return Cypher.utils.concat(
        new Cypher.Unwind([source.node.property('practices'), id]),
        new Cypher.Match(
          new Cypher.Pattern(p, { labels: ['Practice'] })
            .related(rel, { type: 'EVIDENCED_BY', direction: 'right' })
            .to(to, { labels: ['Source'] }),
        ).where(Cypher.eq(p.property('id'), id)),
      );
    },
    orderBy: evidenceOrder,
  })
  evidence!: Evidence[];
}

export const FindingConnection = Connection(() => Finding, 'Finding', 'finding');

@ArgsType()
export class FindingsArgs extends PageArgs {
  @KnownAtField()
  knownAt?: Date | null;

  @Field(() => FindingKindEnum, { nullable: true, description: 'Only findings of this rule.' })
  kind?: FindingKind | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only findings about this company; NOT_FOUND when the graph holds no company with this id.',
  })
  company?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date the facts hold on; today when omitted.',
  })
  asOf?: string | null;

  @Field(() => ScopeEnum, {
    defaultValue: 'EEA',
    description:
      'Where: practices stated for this scope or worldwide. The EEA (the GDPR) by default.',
  })
  scope!: Scope;
}
