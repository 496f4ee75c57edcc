import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Throw away what you typed?", with "keep typing" as the answer Enter gives. */
export function useConfirmDiscard(): (discard: () => void) => void {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return (discard) =>
    void modal.confirm({
      title: t('actions.discardTitle'),
      content: t('actions.discardHelp'),
      okText: t('actions.discard'),
      cancelText: t('actions.keepTyping'),
      okButtonProps: { danger: true, size: 'large' },
      cancelButtonProps: { size: 'large' },
      autoFocusButton: 'cancel',
      onOk: discard,
    });
}

/**
 * Esc, the × or Cancel on a dialog with something typed: asked first, never thrown away unasked.
 * Used as the dialog's onCancel (with maskClosable off, so a stray click beside it does nothing).
 */
export function useAskBeforeClosing(form: FormInstance, onClose: () => void): () => void {
  const confirmDiscard = useConfirmDiscard();
  return () => (form.isFieldsTouched() ? confirmDiscard(onClose) : onClose());
}
