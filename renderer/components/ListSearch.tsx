import { Input } from 'antd';
import { downToFirstRow } from './openableRow';

/** The search box above a list of openable rows: large, ready to type in on arrival, ↓ to the first row found. */
export function ListSearch({ value, onChange, onSearch, placeholder, label, width, rowsTestId, testId }: { value: string; onChange: (v: string) => void; onSearch?: (v: string) => void; placeholder: string; label: string; width: number; rowsTestId: string; testId: string }) {
  return (
    <Input.Search
      autoFocus
      allowClear
      size="large"
      style={{ width }}
      placeholder={placeholder}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onSearch={onSearch}
      onKeyDown={downToFirstRow(rowsTestId)}
      data-testid={testId}
    />
  );
}
