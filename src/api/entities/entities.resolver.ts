/**
 * The entity fields that take arguments. Their values were computed by the root
 * field's single Cypher query (see query/compile.ts); these resolvers only declare
 * the arguments and hand back the precomputed value under the field's response key.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../common/connection';
import {
  Company,
  IncidentConnection,
  Plan,
  PlanPracticesArgs,
  PracticeConnection,
  Provision,
} from './entities.type';

/** The value the compiled query put under this field's response key (its alias, or its name). */
export function precomputed(root: unknown, info: GraphQLResolveInfo): unknown {
  return (root as Record<string, unknown>)[String(info.path.key)];
}

@Resolver(() => Plan)
export class PlanFieldsResolver {
  @FieldResolver(() => PracticeConnection, {
    description: 'What the company does with data on this plan, newest first.',
  })
  practices(
    @Root() plan: Plan,
    @Args() _args: PlanPracticesArgs,
    @Info() info: GraphQLResolveInfo,
  ): unknown {
    return precomputed(plan, info);
  }
}

@Resolver(() => Company)
export class CompanyFieldsResolver {
  @FieldResolver(() => IncidentConnection, {
    description:
      'Incidents against the company, newest first (on the same date, by id descending).',
  })
  incidents(
    @Root() company: Company,
    @Args() _args: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): unknown {
    return precomputed(company, info);
  }
}

@Resolver(() => Provision)
export class ProvisionFieldsResolver {
  @FieldResolver(() => IncidentConnection, {
    description:
      'Incidents citing this provision or one of its parts, newest first (on the same date, by id descending).',
  })
  incidents(
    @Root() provision: Provision,
    @Args() _args: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): unknown {
    return precomputed(provision, info);
  }
}

export const ENTITY_FIELD_RESOLVERS = [
  PlanFieldsResolver,
  CompanyFieldsResolver,
  ProvisionFieldsResolver,
] as const;
