/** What the API shows of an account: never the hash, the lockout state or the history's reasons. */
import type { AdminUserView, UserView } from '../api/types.js';
import type { User } from '../store/index.js';

export function publicUser(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    isAdmin: user.isAdmin,
    mustChangePassword: user.mustChangePassword,
  };
}

export function adminUser(user: User): AdminUserView {
  return { ...publicUser(user), createdAt: user.createdAt, disabledAt: user.disabledAt };
}
