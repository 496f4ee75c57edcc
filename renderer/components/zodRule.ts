import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** An antd form rule from the contract's own field schema: the form says what the main process would. */
export function zodRule(t: TFunction, schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const r = schema.safeParse(value ?? '');
      if (!r.success) {
        const issue = r.error.issues[0]!;
        const key = /^[a-zA-Z]+\.[a-zA-Z.]+$/.test(issue.message) ? issue.message : 'validation.invalid';
        throw new Error(t(`errors:${key}`, (issue as { params?: Record<string, string> }).params ?? {}));
      }
    },
  };
}
