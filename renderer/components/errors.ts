import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { CallError } from '../api/client';
import type { InputIssue } from '../../shared/contract';
import { translatedParams } from '../../shared/i18n/resources';

/** A failure as one sentence in the user's language. */
export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof CallError) return t(`errors:${err.failure.messageKey}`, translatedParams(err.failure.params ?? {}, (k) => t(k), t('sep')));
  return t('errors:call.internal');
}

export function issueText(t: TFunction, issue: Pick<InputIssue, 'messageKey' | 'params'>): string {
  return t(`errors:${issue.messageKey}`, issue.params ?? {});
}

/** Puts each rejected field's message under that field; returns true if any field took one. */
export function showFieldIssues(form: FormInstance, t: TFunction, issues: InputIssue[] | undefined): boolean {
  const known = new Set(Object.keys(form.getFieldsValue(true)));
  const fields = (issues ?? []).filter((i) => known.has(i.path.split('.')[0]!)).map((i) => ({ name: i.path.split('.')[0]!, errors: [issueText(t, i)] }));
  form.setFields(fields);
  return fields.length > 0;
}
