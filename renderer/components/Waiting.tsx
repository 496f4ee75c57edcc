import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

/**
 * What a page or a print view shows until its record has come: a spinner, then why it could not be
 * read (a page says it as a warning, with the way back; a print, in plain words on the paper's place). Used as
 * `if (!q.isSuccess) return <Waiting query={q} />`, after which q.data is there.
 */
export function Waiting({ query, print = false }: { query: { isError: boolean; error: unknown }; print?: boolean }) {
  const { t } = useTranslation();
  if (!query.isError) return <Spin size={print ? 'default' : 'large'} />;
  if (print) return <p>{errorText(t, query.error)}</p>;
  return (
    <Result
      status="warning"
      title={errorText(t, query.error)}
      extra={
        <Button size="large" onClick={() => window.history.back()}>
          {t('actions.back')}
        </Button>
      }
    />
  );
}
