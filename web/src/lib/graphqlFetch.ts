import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';

export const GRAPHQL_PATH = '/graphql';

export interface FetchResult<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

/**
 * One GraphQL POST outside Apollo's link chain. Used by the session for refreshToken and
 * logout, which must not pass through the auth/refresh links themselves.
 * Throws a TypeError on network failure, like fetch.
 */
export async function graphqlFetch<T, V>(
  document: TypedDocumentNode<T, V>,
  variables: V,
  headers: Record<string, string> = {},
): Promise<FetchResult<T>> {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'apollo-require-preflight': 'true',
      ...headers,
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  let body: FetchResult<T>;
  try {
    body = (await response.json()) as FetchResult<T>;
  } catch {
    throw new TypeError(`GraphQL response was not JSON (HTTP ${response.status})`);
  }
  if (!response.ok && !body.errors?.length && response.status >= 500) {
    throw new TypeError(`GraphQL server error (HTTP ${response.status})`);
  }
  return body;
}
