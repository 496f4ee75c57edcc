import { createContext, useContext, type ReactNode } from 'react';
import { App, Form, Modal, type FormItemProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { contract, issueMessage, type Input, type MethodName } from '../../shared/contract';
import { CallError } from '../api/client';
import { useWrite } from '../api/hooks';
import { enterToNext } from './keyboard';
import { errorText, showFieldIssues } from './errors';
import { useAskBeforeClosing } from './askBeforeClosing';
import { inputFields, listEntryFields } from './zodRule';

/**
 * One step on a record (a claim, a service, a confirmation …) as a small form: its fields, the write
 * with the values fixed by the record, the word said when it is saved. A refusal is said in words
 * and the dialog stays open with what was typed.
 */
export function StepDialog<M extends MethodName>({ method, title, done, fixed, initial, children, onClose, onDone, prepare, testId }: {
  method: M;
  title: string;
  done: string;
  fixed: Partial<Input<M>>;
  initial: Record<string, unknown>;
  children: ReactNode;
  onClose: () => void;
  onDone?: (value: unknown) => void;
  /** The form's values as the method takes them, where the fields hold more (a picked resident's label). */
  prepare?: (values: Record<string, unknown>) => Record<string, unknown>;
  testId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const leave = useAskBeforeClosing(form, onClose);
  const write = useWrite(method);
  const submit = (values: Record<string, unknown>) => {
    const input = { ...(prepare ? prepare(values) : values), ...fixed };
    // The contract's own check first, its word under the field it is about (a date, a length, a code):
    // what the main process would refuse is said before the call, where the person is looking.
    const checked = contract[method].input.safeParse(input);
    const issues = checked.success
      ? []
      : checked.error.issues.map((issue) => {
          const { key, params } = issueMessage(issue);
          return { path: issue.path.join('.'), messageKey: key, params };
        });
    if (showFieldIssues(form, t, issues)) return;
    write.mutate(input as Input<M>, {
      onSuccess: (value) => {
        message.success(done);
        onClose();
        onDone?.(value);
      },
      onError: (err) => {
        if (!(err instanceof CallError && showFieldIssues(form, t, err.failure.issues))) message.error(errorText(t, err));
      },
    });
  };
  return (
    <Modal open title={title} onCancel={leave} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} okButtonProps={{ size: 'large', loading: write.isPending, id: `${testId}-save` }} cancelButtonProps={{ size: 'large' }}>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={enterToNext} initialValues={initial} data-testid={`${testId}-form`}>
        <ContractFields method={method}>{children}</ContractFields>
      </Form>
    </Modal>
  );
}

/** Required, and not just spaces; the message names the field (App.tsx's validateMessages). */
export const REQUIRED = [{ required: true, whitespace: true }];

const FormMethod = createContext<MethodName | undefined>(undefined);

/** The method a form's ContractItems are checked against, for a form that is not a StepDialog. */
export function ContractFields({ method, children }: { method: MethodName; children: ReactNode }) {
  return <FormMethod.Provider value={method}>{children}</FormMethod.Provider>;
}

/**
 * A field of a StepDialog (or of a form inside ContractFields), required exactly when the method refuses
 * it empty: the contract says so once, the form follows (its other checks are the contract's too, run when
 * it is saved). An entry of a list the method takes names the list: `list="views" name={[field.name, 'who']}`.
 * A name the method does not take is a mistake found the first time the form opens.
 */
export function ContractItem({ name, list, rules = [], ...props }: Omit<FormItemProps, 'name'> & ({ name: string; list?: undefined } | { name: [number, string]; list: string })) {
  const method = useContext(FormMethod);
  const field = typeof name === 'string' ? name : name[1];
  if (!method) throw new Error(`ContractItem ${field} outside a StepDialog or ContractFields`);
  const schema = (list === undefined ? inputFields(method) : listEntryFields(method, list))?.[field];
  if (!schema) throw new Error(`${method} takes no field ${list === undefined ? field : `${list}[].${field}`}`);
  const required = !schema.safeParse('').success && !schema.safeParse(undefined).success;
  return <Form.Item name={name} rules={[...(required ? REQUIRED : []), ...rules]} {...props} />;
}
