import { useRef, useState } from 'react';
import { Select } from 'antd';
import type { MethodName } from '../../shared/contract';
import { call } from '../api/client';

/** Where the calling module's method says where the resident lives, the household and grid come too. */
export interface PickedResident {
  name: string;
  gender: string;
  birthDate: string;
  address: string;
  householdId?: number | null;
  gridId?: number | null;
}

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
  onPick,
  testId = 'resident-picker',
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  initialLabel?: string;
  /** The module's own search for residents (each module shows only what it needs of them). */
  method: Extract<MethodName, `${string}.findResidents`>;
  placeholder?: string;
  /** The picked resident's own fields, for a form that keeps a copy (a mediation party's name and address). */
  onPick?: (resident: PickedResident) => void;
  testId?: string;
}) {
  const [options, setOptions] = useState<{ value: number; label: string; row: PickedResident }[]>([]);
  const latest = useRef(0);
  const search = async (q: string) => {
    const ticket = ++latest.current;
    if (!q.trim()) return setOptions([]);
    const rows = await call(method, { q }).catch(() => []);
    // An answer to an older keystroke never overwrites a newer one.
    if (ticket === latest.current) setOptions(rows.map((r) => ({ value: r.id, label: [r.name, r.idMasked, r.birthDate, r.address].filter(Boolean).join(' · '), row: r })));
  };
  const shown = value && !options.some((o) => o.value === value) && initialLabel ? [{ value, label: initialLabel }, ...options] : options;
  const change = (v: number | null | undefined) => {
    onChange?.(v ?? null);
    const picked = options.find((o) => o.value === v);
    if (picked) onPick?.(picked.row);
  };
  return (
    <Select<number | null>
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      allowClear
      value={value ?? null}
      onChange={change}
      options={shown}
      placeholder={placeholder}
      notFoundContent={null}
      // As wide as its place, the chosen person cut short there rather than running under the next field.
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
