import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/hooks';

/** Finds a household by its head's name, pinyin or address, as the main search does. */
export function HouseholdPicker({ value, onChange }: { value?: number; onChange?: (v: number) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useCall('households.find', { q }, { keepPrevious: true });
  const options = (found.data ?? []).map((h) => ({
    value: h.id,
    label: t('residents:household.pickerLabel', { address: h.address, head: h.headName || '—', number: h.number, count: h.members }),
  }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('residents:household.pickerPlaceholder')}
      notFoundContent={t('residents:list.empty')}
      data-testid="household-picker"
    />
  );
}
