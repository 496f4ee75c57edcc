import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form';
import { MIN_PASSWORD } from '../../../shared/rules/roles';
import { isWeakPassword } from '../../../shared/rules/passwords';

/** A new password, checked on the screen by the same rules the main process enforces. */
export const newPasswordRules = (t: TFunction): Rule[] => [
  { required: true, min: MIN_PASSWORD, message: t('errors:auth.passwordShort') },
  { validator: (_r, v: string | undefined) => (v && isWeakPassword(v) ? Promise.reject(new Error(t('errors:auth.passwordWeak'))) : Promise.resolve()) },
];
