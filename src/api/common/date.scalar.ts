/**
 * `Date`: an ISO 8601 calendar date (YYYY-MM-DD), kept as a string end to end so that
 * no time zone can move it by a day. The same rule as the bundle format checks it.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { IsoDate } from '../../graph/bundle.schema';

function parse(value: unknown): string {
  const result = IsoDate.safeParse(value);
  if (!result.success) {
    throw new GraphQLError(
      `Date must be a calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`,
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  return result.data;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date in ISO 8601 form, YYYY-MM-DD (e.g. 2025-02-13).',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Date must be a string such as "2025-02-13"', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parse(ast.value);
  },
});

/** Today in UTC, the default for every `asOf`. */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);
