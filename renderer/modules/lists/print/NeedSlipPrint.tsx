import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import type { AppInfo } from '../../../../shared/contract/community';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { FieldTable } from '../../../components/FieldTable';
import { PrintFrame } from '../../../components/PrintFrame';
import { Waiting } from '../../../components/Waiting';

/**
 * 需求认领单 (kind 'slip'): what the claimant took on, for whom and by when, signed by both; or
 * 服务记录卡 (kind 'card'): every service given, the hours, and the resident's feedback.
 */
export function NeedSlipPrint({ id, kind, info }: { id: number; kind: 'slip' | 'card'; info: AppInfo }) {
  const { t } = useTranslation();
  const need = useCall('lists.need', { id, forPrint: true });
  if (!need.isSuccess) return <Waiting query={need} print />;
  const n = need.data;
  const m = n.match;
  const rows: [string, string][] = [
    [t('lists:fields.number'), n.number],
    [t('lists:fields.beneficiary'), [n.beneficiary, n.address].filter(Boolean).join('，')],
    [t('lists:fields.category'), n.category],
    [t('lists:fields.content'), n.content],
    [t('lists:fields.wantedBy'), n.wantedBy],
    [t('lists:fields.provider'), m ? `${m.provider}（${t(`lists:kind.${m.providerKind}`)}）${m.contact ? ` ${m.contact}` : ''}` : ''],
    [t('lists:fields.claimedBy'), m ? [m.claimedBy, paperDate(m.claimedOn)].filter(Boolean).join('，') : ''],
    [t('lists:fields.dueOn'), paperDate(m?.dueOn)],
  ];
  return (
    <PrintFrame>
      <div className="mediation-form">
        <h1>{t(kind === 'slip' ? 'lists:print.slipTitle' : 'lists:print.cardTitle')}</h1>
        <div className="print-meta">
          <span>{info.committeeName}</span>
          <span>{t('print.date', { date: paperDate(todayIso()) })}</span>
        </div>
        <FieldTable rows={rows} />
        {kind === 'slip' ? (
          <p>{t('lists:print.slipNote')}</p>
        ) : (
          <>
            <table className="print-table" style={{ marginTop: '4mm' }}>
              <thead>
                <tr>
                  {['date', 'hours', 'serviceContent', 'byWhom'].map((c) => (
                    <th key={c}>{t(`lists:fields.${c}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(m?.services ?? []).map((s) => (
                  <tr key={s.id}>
                    <td>{paperDate(s.date)}</td>
                    <td>{s.hours}</td>
                    <td className="wrap">{s.content}</td>
                    <td>{s.byWhom}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>{t('lists:print.totalHours', { hours: m?.hours ?? 0 })}</p>
            <FieldTable rows={[[t('lists:print.feedback'), m?.feedbackOn ? `${t('lists:need.feedbackLine', { date: paperDate(m.feedbackOn), stars: m.satisfaction ?? 0 })}${m.comment ? `，${m.comment}` : ''}` : t('lists:print.noFeedback')]]} />
          </>
        )}
        <div className="signature-lines">
          <p>{t('lists:print.claimantSign')}</p>
          <p>{t('lists:print.residentSign')}</p>
          <p>{t('lists:print.committeeSign')}</p>
        </div>
      </div>
    </PrintFrame>
  );
}
