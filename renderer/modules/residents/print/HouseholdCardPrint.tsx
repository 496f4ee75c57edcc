import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import type { AppInfo } from '../../../../shared/contract/community';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { Waiting } from '../../../components/Waiting';

/** 户卡: A4 portrait; address, household number, head, one row per member (ID masked), care tags, date printed. */
export function HouseholdCardPrint({ id, info }: { id: number; info: AppInfo }) {
  const { t } = useTranslation();
  const card = useCall('households.card', { id, forPrint: true });
  if (!card.isSuccess) return <Waiting query={card} print />;
  const h = card.data;
  const code = (list: string, v: string) => (v ? t(`codes:${list}.${v}`) : '');
  const head = h.members.find((m) => m.id === h.headId);
  const tags = [...new Set(h.members.flatMap((m) => m.tags.map((x) => t('print.tagEntry', { name: m.name, tag: code('careTag', x) }))))];
  return (
    <PrintFrame>
      <h1>{t('print.cardTitle')}</h1>
      <div className="print-meta">
        <span>{info.committeeName}</span>
        <span>{t('print.number', { number: h.number })}</span>
      </div>
      <table className="print-table" style={{ marginBottom: '4mm' }}>
        <tbody>
          <tr>
            <th>{t('residents:fields.grid')}</th>
            <td>{h.gridName}</td>
            <th>{t('residents:fields.address')}</th>
            <td className="wrap">{h.address}</td>
          </tr>
          <tr>
            <th>{t('residents:household.head')}</th>
            <td>{head?.name ?? t('residents:household.noHead')}</td>
            <th>{t('residents:household.memberCount')}</th>
            <td>{h.members.length}</td>
          </tr>
        </tbody>
      </table>
      <table className="print-table">
        <thead>
          <tr>
            {['name', 'relation', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'residenceType', 'political', 'phone', 'note'].map((c) => (
              <th key={c}>{t(`residents:fields.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {h.members.map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td>
              <td>{code('relation', m.relation)}</td>
              <td>{code('gender', m.gender)}</td>
              <td>{code('ethnicity', m.ethnicity)}</td>
              <td>{paperDate(m.birthDate)}</td>
              <td>{m.idMasked}</td>
              <td>{code('residenceType', m.residenceType)}</td>
              <td>{code('political', m.political)}</td>
              <td>{m.phoneMasked}</td>
              <td className="wrap">{m.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('print.labelValue', { label: t('residents:fields.tags'), value: tags.length ? tags.join(t('sep')) : t('print.none') })}
      </p>
      <div className="print-foot">
        <span>{t('print.printedOn', { date: paperDate(todayIso()) })}</span>
        <span>{t('print.printedBy')}</span>
        <div className="seal-box">{t('print.seal')}</div>
      </div>
    </PrintFrame>
  );
}
