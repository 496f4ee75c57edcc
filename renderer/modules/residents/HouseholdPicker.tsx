import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/hooks';

/** Finds a household by its head's name, pinyin or address, as the main search does. */
export function HouseholdPicker({ value, onChange }: { value?: number; onChange?: (v: number) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useCall('households.find', { q }, { keepPrevious: true });
  // A household chosen elsewhere (the card's "add member") is labelled even if the search has not listed it.
  const chosen = useCall('households.card', { id: value ?? 0 }, { enabled: value !== undefined });
  const label = (h: { address: string; head: string; number: string; count: number }) => t('residents:household.pickerLabel', h);
  const options = (found.data ?? []).map((h) => ({ value: h.id, label: label({ address: h.address, head: h.headName || '—', number: h.number, count: h.members }) }));
  if (chosen.data && !options.some((o) => o.value === chosen.data.id)) {
    const c = chosen.data;
    options.unshift({ value: c.id, label: label({ address: `${c.gridName} ${c.address}`, head: c.members.find((m) => m.id === c.headId)?.name ?? '—', number: c.number, count: c.members.length }) });
  }
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
