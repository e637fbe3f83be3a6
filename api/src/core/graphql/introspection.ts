import { BREAK, visit, type DocumentNode } from 'graphql';
import { Role, type User } from '../../identity/user.entity.js';
import { forbidden } from './errors.js';

/** True when the document asks for __schema or __type (not just __typename). */
export function isIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** With NODE_ENV=production, introspection is for admins only (issue 2, API core). FORBIDDEN otherwise. */
export function assertIntrospectionAllowed(document: DocumentNode, user: User | null, production: boolean): void {
  if (production && user?.role !== Role.ADMIN && isIntrospection(document)) {
    throw forbidden('Introspection is available to admins only.');
  }
}
