import Cypher from '@neo4j/cypher-builder';
import { Field, ObjectType } from 'type-graphql';
import type { GdprRight, RightStatus } from '../../graph/model';
import { GdprRightEnum, RightStatusEnum } from '../common/enums';
import { Computed } from '../translate/fields/computed-field';
import { Nested } from '../translate/fields/nested-field';
import { Prop } from '../translate/fields/property-field';
import { EdgeProp } from '../translate/fields/relationship-property-field';
import { Related } from '../translate/fields/related-field';
import { Projected, type Origin } from '../translate/projection';
import { Evidence } from './evidence.type';
import { Provision } from './provision.type';
import { Right } from './right.type';

/** The provisions whose ids a list property of the HANDLES relationship holds. */
function provisionsListed(property: 'grounds' | 'exceptions') {
  return Related({
    match: ({ source, to }) =>
      new Cypher.Match(new Cypher.Pattern(to, { labels: ['Provision'] })).where(
        Cypher.in(
          to.property('id'),
          Cypher.coalesce(source.rel!.property(property), new Cypher.List([])),
        ),
      ),
    orderBy: (to) => [[to.property('id'), 'ASC']],
  });
}

/**
 * Sources that dispute a right's status on a practice: those disputing the whole practice, or
 * that right's status (claim RIGHT). Binds `evidence` and `to` (the source).
 */
export function disputesOfRight(
  practice: Cypher.Expr,
  code: Cypher.Expr,
  evidence: Cypher.Relationship,
  to: Cypher.Node,
): Cypher.Clause {
  const p = new Cypher.Node();
  const c = new Cypher.Variable();
  return Cypher.utils.concat(
    new Cypher.With([practice, p], [code, c]),
    new Cypher.Match(
      new Cypher.Pattern(p)
        .related(evidence, { type: 'EVIDENCED_BY', direction: 'right' })
        .to(to, { labels: ['Source'] }),
    ).where(
      Cypher.and(
        Cypher.eq(evidence.property('stance'), new Cypher.Literal('DISPUTES')),
        Cypher.or(
          Cypher.eq(evidence.property('claim'), new Cypher.Literal('WHOLE')),
          Cypher.and(
            Cypher.eq(evidence.property('claim'), new Cypher.Literal('RIGHT')),
            Cypher.eq(evidence.property('right'), c),
          ),
        ),
      ),
    ),
  );
}

/** The disputes of a right's status, as an Evidence list field reading `practice` and `code`. */
export function rightDisputes(
  practice: (s: Origin) => Cypher.Expr,
  code: (s: Origin) => Cypher.Expr,
) {
  return Related({
    relationship: true,
    match: ({ source, to, rel }) => disputesOfRight(practice(source), code(source), rel, to),
    orderBy: (to) => [
      [to.property('publishedAt'), 'ASC'],
      [to.property('id'), 'ASC'],
    ],
  });
}

/** Whether a source disputes a right's status on a practice (or the whole practice). */
export function rightDisputed(
  practice: (s: Origin) => Cypher.Expr,
  code: (s: Origin) => Cypher.Expr,
) {
  return Computed((source) => {
    const evidence = new Cypher.Relationship();
    return Cypher.and(
      Cypher.isNotNull(practice(source)),
      new Cypher.Exists(
        Cypher.utils.concat(
          disputesOfRight(practice(source), code(source), evidence, new Cypher.Node()),
          new Cypher.Return(evidence),
        ),
      ),
    );
  });
}

const handlingPractice = (s: Origin) => Cypher.startNode(s.rel as Cypher.Relationship);
const handledCode = (s: Origin) => s.node.property('code');

@ObjectType({
  description: 'How a practice lets a person exercise one right.',
  simpleResolvers: true,
})
@Projected()
export class RightHandling {
  @Field(() => GdprRightEnum, { description: "The right's code, e.g. OBJECT." })
  @Prop()
  code!: GdprRight;

  @Field(() => RightStatusEnum, {
    description: 'How the right can be exercised, as most sources say.',
  })
  @EdgeProp()
  status!: RightStatus;

  @Field(() => String, {
    nullable: true,
    description: 'How to exercise it, e.g. "account settings toggle".',
  })
  @EdgeProp()
  mechanism!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A curator's note, e.g. why the right does not apply here; null when there is none.",
  })
  @EdgeProp()
  note!: string | null;

  @Field(() => Right, { description: 'The right itself.' })
  @Nested(({ node }) => node)
  right!: Right;

  @Field(() => [Provision], {
    description: 'Provisions that give the right here (erasure: its Art. 17(1) ground).',
  })
  @provisionsListed('grounds')
  grounds!: Provision[];

  @Field(() => [Provision], {
    description: 'Provisions the company relies on to refuse or limit it (erasure: Art. 17(3)).',
  })
  @provisionsListed('exceptions')
  exceptions!: Provision[];

  @Field(() => [Evidence], {
    description:
      'Sources that dispute this status (or the whole practice), each with the status it claims instead in `alternative`.',
  })
  @rightDisputes(handlingPractice, handledCode)
  disputes!: Evidence[];

  @Field({ description: 'True when a source disputes this status or the whole practice.' })
  @rightDisputed(handlingPractice, handledCode)
  disputed!: boolean;
}
