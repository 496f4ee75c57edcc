/**
 * What other modules and the app's frame may use of the accounts module: who is signed in and what they
 * may do, the password rules, the sign-in and recovery-code pages, the idle lock.
 */
export { UserContext, useCan, useUser } from './session';
export { newPasswordRules } from './passwordRules';
export { RecoveryCodePage, showRecoveryCode, usePendingRecoveryCode } from './RecoveryCodePage';
export { LoginPage } from './LoginPage';
export { ChangePasswordDialog } from './ChangePasswordDialog';
export { useIdleLock } from './useIdleLock';
