import { z } from 'zod';
import { checkIdNumber } from '../rules/idNumber';
import { checkPhone } from '../rules/phone';
import { textProblem } from '../rules/text';
import { isCode, type CodeListName } from '../rules/codes';

// Messages are i18n keys under the `errors` namespace; the renderer translates them.
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .superRefine((v, ctx) => {
      const problem = textProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
export const requiredText = (max: number) => text(max).min(1, { error: 'validation.required' });
export const optionalText = (max: number) => text(max).optional().default('');
export const id = z.number().int().positive();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' });

export const code = (list: CodeListName) =>
  z.string().refine((v) => isCode(list, v), { error: 'validation.code' });
export const optionalCode = (list: CodeListName) =>
  z.string().refine((v) => v === '' || isCode(list, v), { error: 'validation.code' }).optional().default('');

/** A shared rule as a schema: empty stays empty, otherwise normalised, or its problem as the message key. */
function ruleField(check: (raw: string) => { ok: true; value: string } | { ok: false; problem: string }) {
  return z
    .string()
    .max(40, { error: 'validation.tooLong' })
    .transform((raw, ctx) => {
      if (raw.trim() === '') return '';
      const r = check(raw);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.problem });
        return z.NEVER;
      }
      return r.value;
    });
}

export const idNumber = ruleField((raw) => checkIdNumber(raw));
export const phone = ruleField(checkPhone);

export const pageArgs = {
  offset: z.number().int().min(0).max(100_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};
