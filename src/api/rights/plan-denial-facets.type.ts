import { Field, ObjectType } from 'type-graphql';
import { FacetCount } from '../common/facet-count.type';

@ObjectType({
  description:
    'Counts of every plan denying the right (the whole list, not the page): most first, then by value.',
  simpleResolvers: true,
})
export class PlanDenialFacets {
  @Field(() => [FacetCount], {
    description: 'By company: the value is its id, the label its name.',
  })
  byCompany!: FacetCount[];

  @Field(() => [FacetCount], { description: 'By tier (FREE, PRO...).' })
  byTier!: FacetCount[];
}

/**
 * The fields plansDenyingRight adds to its connection (its base class). No field returns this
 * type itself, so the schema never shows it.
 */
@ObjectType({ simpleResolvers: true })
export class WithPlanDenialFacets {
  @Field(() => PlanDenialFacets, {
    description: 'Counts of the whole list by company and by tier, for filters and charts.',
  })
  facets!: PlanDenialFacets;
}
