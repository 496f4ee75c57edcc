import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReasonRow } from '../../../shared/contract/lists';

/** Why a resource was suggested, in words, each with its points: staff can check the machine's reasoning. */
export function Reasons({ reasons }: { reasons: ReasonRow[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap data-testid="reasons">
      {reasons.map((r) => (
        <Tag key={r.key} color={r.points < 0 ? 'red' : r.points >= 20 ? 'green' : 'default'}>
          {t(`lists:reason.${r.key}`, r.params ?? {})} · {t('lists:reason.points', { points: r.points > 0 ? `+${r.points}` : r.points })}
        </Tag>
      ))}
    </Space>
  );
}
