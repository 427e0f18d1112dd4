/**
 * `PartialDate`: a date known to the day, the month or the year ("2025-02-13", "2025-02",
 * "2025"). The text shows the precision: a month stays a month.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isRealPartialDate } from '../../graph/partial-date';

function parse(value: unknown): string {
  if (typeof value === 'string' && isRealPartialDate(value)) return value;
  throw new GraphQLError(
    `PartialDate must be YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(value)?.slice(0, 40)}`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

export const PartialDateScalar = new GraphQLScalarType<string, string>({
  name: 'PartialDate',
  description:
    'A date known to the day, the month or the year: "2025-02-13", "2025-02" or "2025". The form shows the precision.',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('PartialDate must be a string such as "2025-02"', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    return parse(ast.value);
  },
});
