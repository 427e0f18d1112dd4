/**
 * Enforces authentication before any resolver runs: a bad key fails every operation, and
 * when reads are not public an anonymous caller may do nothing. Roles are checked per field
 * by type-graphql's @Authorized (see authChecker).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { AuthChecker } from 'type-graphql';
import { AppError, refusal } from '../../errors';
import type { ApiContext } from '../context';
import type { Role } from './api-keys';
import { requireRole } from './authenticate';

export const authPlugin: ApolloServerPlugin<ApiContext> = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ contextValue }) {
        const { authError } = contextValue;
        if (authError) throw authError instanceof AppError ? refusal(authError) : authError;
        if (!contextValue.publicReads && !contextValue.principal) {
          throw refusal(
            new AppError(
              'UNAUTHENTICATED',
              'this API needs an API key (Authorization: Bearer <key>)',
            ),
          );
        }
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
