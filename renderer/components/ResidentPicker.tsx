import { useRef, useState } from 'react';
import { Select } from 'antd';
import { call } from '../api/client';

/**
 * Finds a resident of the community by name, pinyin or ID (as the resident search does) to link to,
 * through the calling module's own method, so that its own permission applies.
 */
export function ResidentPicker({
  value,
  onChange,
  initialLabel,
  method,
  placeholder,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  initialLabel?: string;
  method: 'party.findResidents' | 'certs.findResidents';
  placeholder?: string;
}) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const latest = useRef(0);
  const search = async (q: string) => {
    const ticket = ++latest.current;
    if (!q.trim()) return setOptions([]);
    const rows = await call(method, { q }).catch(() => []);
    // An answer to an older keystroke never overwrites a newer one.
    if (ticket === latest.current) setOptions(rows.map((r) => ({ value: r.id, label: [r.name, r.idMasked, r.birthDate, r.address].filter(Boolean).join(' · ') })));
  };
  const shown = value && !options.some((o) => o.value === value) && initialLabel ? [{ value, label: initialLabel }, ...options] : options;
  return (
    <Select<number | null>
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      allowClear
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      options={shown}
      placeholder={placeholder}
      notFoundContent={null}
      data-testid="resident-picker"
    />
  );
}
