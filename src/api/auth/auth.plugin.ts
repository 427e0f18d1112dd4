/**
 * Enforces authentication before any resolver runs: a bad key fails every operation, and
 * when reads are not public an anonymous caller may do nothing. Roles are checked per field
 * by type-graphql's @Authorized (see authChecker).
 *
 * Over HTTP and WebSocket the same check (`admission`) runs earlier still, before the body is
 * read or the query parsed (server.ts, limits/websocket-gate.ts); this plugin keeps it for
 * operations run through Apollo from elsewhere (the exports).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { AuthChecker } from 'type-graphql';
import { AppError, refusal } from '../../errors';
import type { ApiContext } from '../context';
import type { Role } from './api-keys';
import { requireRole } from './authenticate';

/**
 * Why this caller may do nothing at all (a key that did not check out, or no key where reads
 * are not public), with its HTTP status; null when it may go on.
 */
export function admission(
  caller: Pick<ApiContext, 'authError' | 'principal' | 'publicReads'>,
): Error | null {
  const { authError } = caller;
  if (authError instanceof AppError && authError.code === 'DATABASE_UNAVAILABLE') {
    // The key could not be checked: the caller's key may be fine, so not a 4xx.
    return new AppError(authError.code, authError.message, {
      ...authError.extensions,
      http: { status: 503 },
    });
  }
  if (authError) return authError instanceof AppError ? refusal(authError) : authError;
  if (!caller.publicReads && !caller.principal) {
    return refusal(
      new AppError('UNAUTHENTICATED', 'this API needs an API key (Authorization: Bearer <key>)'),
    );
  }
  return null;
}

export const authPlugin: ApolloServerPlugin<ApiContext> = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ contextValue }) {
        const refused = admission(contextValue);
        if (refused) throw refused;
        return Promise.resolve();
      },
    });
  },
};

/** @Authorized('curator') and friends: UNAUTHENTICATED without a key, FORBIDDEN with too low a role. */
export const authChecker: AuthChecker<ApiContext> = ({ context, info }, roles) => {
  const needed = (roles[0] ?? 'reader') as Role;
  requireRole(context.principal, needed, `${info.parentType.name}.${info.fieldName}`);
  return true;
};
