import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { contract, issueMessage, type MethodName } from '../../shared/contract';

const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * A form field's rules taken from the contract's own schema for it, so the form says what the main
 * process would: required when the schema refuses an empty value (the message names the field, through
 * App.tsx's validateMessages), and the schema's own word for a value it refuses (a date, a code, a
 * length with its limit).
 */
export function fieldRules(t: TFunction, schema: z.ZodType): Rule[] {
  const required = !schema.safeParse('').success && !schema.safeParse(undefined).success;
  return [
    // Spaces alone are empty too; `whitespace` would also make antd take the value for a string (a number
    // picked from a list then failed as "not a valid undefined").
    ...(required ? [{ required: true, transform: (v: unknown) => (typeof v === 'string' ? v.trim() : v) }] : []),
    {
      validator: async (_rule, value: unknown) => {
        if (empty(value)) return;
        const r = schema.safeParse(value);
        if (!r.success) {
          const { key, params } = issueMessage(r.error.issues[0]!);
          throw new Error(t(`errors:${key}`, params ?? {}));
        }
      },
    },
  ];
}

/** The field schemas of a method's input, as the contract gives them: `fieldRules(t, inputFields('party.saveBranch').name)`. */
export const inputFields = (method: MethodName) => (contract[method].input as unknown as z.ZodObject).shape;

/** The field schemas of one entry of a list the method takes (`views: [{ who, view }]`), or undefined. */
export function listEntryFields(method: MethodName, list: string): Record<string, z.ZodType> | undefined {
  let schema = inputFields(method)[list] as z.ZodType | undefined;
  // Through .optional(), .nullable() and .default() to the array, then to the object of its entries.
  while (schema && schema._zod.def.type !== 'array' && 'unwrap' in schema) schema = (schema as unknown as { unwrap(): z.ZodType }).unwrap();
  const entry = schema?._zod.def.type === 'array' ? (schema as unknown as z.ZodArray<z.ZodType>).element : undefined;
  return entry?._zod.def.type === 'object' ? (entry as unknown as z.ZodObject).shape : undefined;
}
