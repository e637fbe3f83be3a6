import type { AuthChecker } from 'type-graphql';
import { Role, UserStatus } from '../../identity/user.entity.js';
import type { Context } from '../context.js';
import { forbidden, unauthenticated } from './errors.js';

/**
 * @Authorized(roles?) (PRODUCT §1): no user → UNAUTHENTICATED; a SUSPENDED user may only
 * read (any mutation → FORBIDDEN); a role list admits those roles and ADMIN.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context, info }, roles) => {
  const user = context.user;
  if (!user) throw unauthenticated();
  if (user.status === UserStatus.SUSPENDED && info.operation.operation !== 'query') {
    throw forbidden('Your account is suspended: you can read but not trade or chat.');
  }
  if (roles.length && user.role !== Role.ADMIN && !roles.includes(user.role)) throw forbidden();
  return true;
};
