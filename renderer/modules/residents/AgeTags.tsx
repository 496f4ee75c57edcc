import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { HIGH_AGE, MINOR_AGE } from '../../../shared/rules/codes';

/** What age alone says: 高龄 (80+) is a care group; under 14 the record needs a guardian's consent (PIPL 第31条). */
export function AgeTags({ age }: { age: number | null }) {
  const { t } = useTranslation();
  if (age === null) return null;
  if (age >= HIGH_AGE) return <Tag color="orange">{t('residents:tags.elderly')}</Tag>;
  if (age < MINOR_AGE) return <Tag color="blue">{t('residents:tags.minor')}</Tag>;
  return null;
}
