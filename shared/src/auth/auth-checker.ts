import type { AuthCheckerFn } from 'type-graphql';
import type { RequestContext } from '../context';
import { ForbiddenError, UnauthenticatedError } from '../errors';

/**
 * type-graphql's check of `@Authorized(...roles)`, answering with the contract's codes
 * (UNAUTHENTICATED, FORBIDDEN) rather than type-graphql's own. No roles listed: any signed-in user.
 * An arrow function: type-graphql would instantiate a function that has a prototype as a class.
 */
export const checkRoles: AuthCheckerFn<RequestContext> = ({ context }, roles) => {
  if (!context.user) throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.some((role) => context.user!.roles.includes(role))) {
    throw new ForbiddenError(`This needs one of the roles ${roles.join(', ')}`);
  }
  return true;
};
