/** What other modules may use of the accounts module: who is signed in and what they may do, the password rules, the recovery code page. */
export { useCan, useUser } from './session';
export { newPasswordRules } from './passwordRules';
export { showRecoveryCode } from './RecoveryCodePage';
