import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A printable page: a toolbar that never prints, A4 page rules, and "第 N 页 共 M 页" in the page
 * margin (Chromium's @page margin boxes), built from the user's language.
 */
export function PrintFrame({ landscape, singlePage, countPages, children }: { landscape?: boolean; singlePage?: boolean; countPages?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const pages = usePageEstimate(countPages ? landscape : undefined);
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
        {pages.count > 0 && (
          <span className="print-pages" data-testid="print-pages">
            {t('print.pagesAbout', { count: pages.count })}
          </span>
        )}
        <span>{t('print.hint')}</span>
      </div>
      <div className={countPages ? `print-page print-paper-${landscape ? 'landscape' : 'portrait'}` : 'print-page'} ref={pages.ref}>
        {children}
      </div>
    </>
  );
}

/** Millimetres in CSS pixels. */
const MM = 96 / 25.4;
/** The height a page gives its content under the @page margins above (12 mm top, 16 mm bottom). */
const CONTENT_MM = { landscape: 210 - 28, portrait: 297 - 28 };

/**
 * How many sheets a long list will take, said before printing (a 5,000-person roster is a ream). The
 * page is laid out on screen at the paper's printable width, so its height over the printable height
 * of a sheet, less the header row repeated on each, is the count the printer will make, within one.
 */
function usePageEstimate(landscape: boolean | undefined) {
  const ref = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (landscape === undefined || !el) return;
    const measure = () => {
      const style = getComputedStyle(el);
      const height = el.scrollHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      const page = CONTENT_MM[landscape ? 'landscape' : 'portrait'] * MM;
      const repeated = el.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      setCount(Math.max(1, Math.ceil((height - repeated) / (page - repeated))));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [landscape]);
  return { ref, count };
}
