import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import { REPORT_KINDS, type ReportKind } from '../../../../shared/contract/reports';
import type { Language } from '../../../../shared/i18n/languages';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { errorText } from '../../../components/errors';
import { PrintFrame } from '../../../components/PrintFrame';
import { ReportPaper } from '../ReportView';
import { REPORT_METHOD, reportInput } from '../ReportsPage';

/** Any report on A4, from its address: print/report?kind=population&from=…&to=…&grid=…; the print is on record. */
export function ReportPrint({ query }: { query: URLSearchParams }) {
  const { t, i18n } = useTranslation();
  const kind = (REPORT_KINDS as readonly string[]).includes(query.get('kind') ?? '') ? (query.get('kind') as ReportKind) : 'population';
  const q = { kind, from: query.get('from') ?? todayIso(), to: query.get('to') ?? todayIso(), gridId: Number(query.get('grid')) || undefined, branchId: Number(query.get('branch')) || undefined };
  const report = useCall(REPORT_METHOD[kind], reportInput(q, i18n.language as Language, { forPrint: true }));
  return (
    <PrintFrame>
      {report.isError ? <Result status="error" title={errorText(t, report.error)} /> : report.data ? <ReportPaper report={report.data} printedOn={t('print.date', { date: paperDate(todayIso()) })} /> : <Spin />}
    </PrintFrame>
  );
}
