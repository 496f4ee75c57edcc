import { createContext, useContext } from 'react';
import type { CurrentUser } from '../../../shared/contract/auth';
import type { Permission } from '../../../shared/contract';

/** The signed-in user, for hiding what their role cannot do (the main process refuses it regardless). */
export const UserContext = createContext<CurrentUser | null>(null);

export function useCan(): (p: Permission) => boolean {
  const user = useContext(UserContext);
  return (p) => !!user?.permissions.includes(p);
}

export function useUser(): CurrentUser | null {
  return useContext(UserContext);
}
