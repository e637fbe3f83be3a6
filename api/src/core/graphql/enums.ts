/**
 * A GraphQL/MikroORM enum object built from one of packages/domain's value lists, so the
 * API's enums are the domain's and cannot drift: `enumOf(['A', 'B'])` → `{ A: 'A', B: 'B' }`.
 */
export function enumOf<T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.freeze(Object.fromEntries(values.map((v) => [v, v]))) as { readonly [K in T]: K };
}
