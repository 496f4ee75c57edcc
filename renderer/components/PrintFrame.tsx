import type { ReactNode } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A printable page: a toolbar that never prints, A4 page rules, and "第 N 页 共 M 页" in the page
 * margin (Chromium's @page margin boxes), built from the user's language.
 */
export function PrintFrame({ landscape, singlePage, children }: { landscape?: boolean; singlePage?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const q = (s: string) => JSON.stringify(s);
  // A one-page paper (a certificate) carries no "第1页共1页" under it.
  const numbers = singlePage ? '' : `@bottom-center { content: ${q(t('print.pageBefore'))} counter(page) ${q(t('print.pageMiddle'))} counter(pages) ${q(t('print.pageAfter'))}; font-size: 10pt; }`;
  const pageRule = `@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 12mm 12mm 16mm; ${numbers} }`;
  return (
    <>
      <style>{pageRule}</style>
      <div className="print-toolbar">
        <Button type="primary" size="large" onClick={() => window.print()} data-testid="print-now">
          {t('print.print')}
        </Button>
        <Button size="large" onClick={() => window.history.back()}>
          {t('actions.back')}
        </Button>
        <span>{t('print.hint')}</span>
      </div>
      <div className="print-page">{children}</div>
    </>
  );
}
