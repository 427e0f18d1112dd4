import Cypher from '@neo4j/cypher-builder';
import { Field, ObjectType } from 'type-graphql';
import type { EvidenceClaim, EvidenceStance, GdprRight } from '../../graph/model';
import { EvidenceClaimEnum, EvidenceStanceEnum, GdprRightEnum } from '../common/enums';
import { PartialDateScalar } from '../common/partial-date.scalar';
import { Computed } from '../translate/fields/computed-field';
import { Nested } from '../translate/fields/nested-field';
import { EdgeProp } from '../translate/fields/relationship-property-field';
import { Related, type RelatedOptions } from '../translate/fields/related-field';
import { Projected, type Origin } from '../translate/projection';
import { Actor } from './actor.type';
import { partialDate } from './conditions';
import { Source } from './source.type';

@ObjectType({
  description:
    'A source cited for a statement: whether it supports or disputes it, which claim of it, and whose claim it carries.',
  simpleResolvers: true,
})
@Projected()
export class Evidence {
  @Field(() => EvidenceStanceEnum, {
    description: 'Whether the source supports or disputes the statement.',
  })
  @EdgeProp()
  stance!: EvidenceStance;

  @Field(() => EvidenceClaimEnum, {
    description:
      'The part of the statement it speaks to: WHOLE, or one claim (a date, a right...).',
  })
  @EdgeProp()
  claim!: EvidenceClaim;

  @Field(() => GdprRightEnum, { nullable: true, description: 'With claim RIGHT: which right.' })
  @EdgeProp()
  right!: GdprRight | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a disputing source: what it claims instead (a status, a date...).',
  })
  @EdgeProp()
  alternative!: string | null;

  @Field(() => Actor, { nullable: true, description: 'Whose claim the source carries.' })
  @Related({
    // A list of at most one, as any single related node (related-field.ts): no head() around
    // the subquery, which would make Neo4j plan the whole query without its index's values.
    match: ({ source, to }) =>
      new Cypher.Match(
        new Cypher.Pattern(to, { labels: Cypher.labelExpr.or('Company', 'Party', 'Authority') }),
      ).where(Cypher.eq(to.property('id'), source.rel!.property('claimedBy'))),
  })
  claimedBy!: Actor | null;

  @Field(() => String, { nullable: true, description: 'A short quote from the source.' })
  @EdgeProp()
  quote!: string | null;

  @Field(() => String, { nullable: true, description: 'What the source says about the statement.' })
  @EdgeProp()
  note!: string | null;

  @Field(() => Source, { description: 'The source cited.' })
  @Nested(({ node }) => node)
  source!: Source;
}

/**
 * The order of a statement's evidence: supporting sources first, then by publication date (an
 * undated source after the dated ones: Neo4j sorts null last) and id. The stance is compared to
 * SUPPORTS by name, not sorted as text, so that the order says what it means and survives a
 * stance added later.
 */
export const evidenceOrder = (
  to: Cypher.Node,
  rel: Cypher.Relationship,
): [Cypher.Expr, 'ASC' | 'DESC'][] => [
  [Cypher.eq(rel.property('stance'), new Cypher.Literal('SUPPORTS')), 'DESC'],
  [to.property('publishedAt'), 'ASC'],
  [to.property('id'), 'ASC'],
];

const LAST_ATTESTED =
  'The publication date of the newest dated source that supports it (any of its claims), as precisely as that source gives it; null when no supporting source prints a date. A statement still in force whose newest source is old may no longer hold: check it before citing it as current.';

/**
 * The `lastAttested` field of a sourced statement (a practice, a plan, an incident): derived at
 * every write that changes it or its sources (ingest.store.ts deriveCypher), so reading it costs
 * a property, in every selection, fixed ones included.
 */
export function LastAttested(description = LAST_ATTESTED): PropertyDecorator {
  const field = Field(() => PartialDateScalar, { nullable: true, description });
  const computed = Computed(({ node }) => partialDate(node, 'lastAttested'));
  return (target, property) => {
    computed(target, property);
    field(target, property);
  };
}

/** The evidence of a statement (a practice, an incident...), optionally of one stance only. */
export function evidenceOf(stance?: EvidenceStance): RelatedOptions {
  return {
    relationship: true,
    match: ({ source, to, rel }) => {
      const match = new Cypher.Match(
        new Cypher.Pattern(source.node)
          .related(rel, { type: 'EVIDENCED_BY', direction: 'right' })
          .to(to, { labels: ['Source'] }),
      );
      return stance
        ? match.where(Cypher.eq(rel.property('stance'), new Cypher.Literal(stance)))
        : match;
    },
    orderBy: evidenceOrder,
  };
}

/** The evidence of the statement an expression gives (a practice held in a row map). */
export function evidenceOfExpr(
  statement: (source: Origin) => Cypher.Expr,
  stance?: EvidenceStance,
): RelatedOptions {
  return {
    relationship: true,
    match: ({ source, to, rel }) => {
      const node = new Cypher.Node();
      const match = new Cypher.Match(
        new Cypher.Pattern(node)
          .related(rel, { type: 'EVIDENCED_BY', direction: 'right' })
          .to(to, { labels: ['Source'] }),
      );
      return Cypher.utils.concat(
        new Cypher.With([statement(source), node]),
        stance ? match.where(Cypher.eq(rel.property('stance'), new Cypher.Literal(stance))) : match,
      );
    },
    orderBy: evidenceOrder,
  };
}
