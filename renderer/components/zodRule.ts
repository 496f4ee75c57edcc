import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { issueMessage } from '../../shared/contract/define';

/** An antd form rule from the contract's own field schema: the form says what the main process would. */
export function zodRule(t: TFunction, schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const r = schema.safeParse(value ?? '');
      if (!r.success) {
        const { key, params } = issueMessage(r.error.issues[0]!);
        throw new Error(t(`errors:${key}`, params ?? {}));
      }
    },
  };
}
