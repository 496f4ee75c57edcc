import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

/** "Type the password again": the second field must equal the first. */
export function sameAs(form: FormInstance, field: string, t: TFunction): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value !== form.getFieldValue(field)) throw new Error(t('errors:auth.passwordMismatch'));
    },
  };
}
