import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedRow } from '../../../shared/contract/lists';

const COLORS: Record<NeedRow['state'], string> = { open: 'gold', matched: 'blue', claimed: 'cyan', serving: 'processing', done: 'green', evaluated: 'success', withdrawn: 'default' };

/** The state, and what makes a need stand out: urgent, overdue, a small wish. `flagsOnly` leaves the state out (a list of waiting needs). */
export function NeedStateTag({ need, flagsOnly }: { need: Pick<NeedRow, 'state' | 'overdue' | 'urgency' | 'wish'>; flagsOnly?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {!flagsOnly && (
        <Tag color={COLORS[need.state]} data-testid="need-state">
          {t(`lists:state.${need.state}`)}
        </Tag>
      )}
      {need.urgency === 'urgent' && <Tag color="red">{t('lists:urgency.urgent')}</Tag>}
      {need.overdue && <Tag color="volcano">{t('lists:needs.overdue')}</Tag>}
      {need.wish && <Tag color="magenta">{t('lists:needs.wish')}</Tag>}
    </Space>
  );
}
