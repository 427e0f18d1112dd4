import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/** A whole bundle as JSON; validated by the same rules as seed files (seeds/bundle.schema.json). */
export const BundleInputScalar = new GraphQLScalarType({
  name: 'BundleInput',
  description:
    'A bundle: the same content as a seed file, as a JSON object with the sections sources, regulations, provisions, rights, legalBases, companies, products, plans, purposes, dataCategories, practices, authorities, parties, incidents. Its JSON Schema is seeds/bundle.schema.json.',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
