import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function toMoney(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new GraphQLError('Money must be a whole number of rupiah (a safe integer).', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** Whole rupiah (IDR) as a JSON number that is a safe integer; never fractional (PRODUCT.md, intro). */
export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description: 'Whole rupiah (IDR): an integer within ±2^53−1. Never fractional.',
  serialize: (v) => toMoney(typeof v === 'string' ? Number(v) : v),
  parseValue: toMoney,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) throw new GraphQLError('Money must be an integer literal.', { extensions: { code: 'BAD_USER_INPUT' } });
    return toMoney(Number(ast.value));
  },
});
