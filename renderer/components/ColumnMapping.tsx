import { Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A, B … Z, AA …: a column as Excel names it (0-based index). */
export const columnLetter = (index: number): string => (index >= 26 ? columnLetter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

export interface MappedColumn {
  /** The column's 0-based index, as a string key. */
  key: string;
  header: string;
  samples?: string[];
}

/**
 * Which ledger field each column of someone's own sheet holds: their header and a few of their values
 * on the left, the field to pick on the right. The upper-level sheets page and the resident import use it.
 */
export function ColumnMapping({
  columns,
  value,
  onChange,
  options,
  testId = 'mapping',
}: {
  columns: MappedColumn[];
  value: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
  options: { value: string; label: string }[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const hasSamples = columns.some((c) => c.samples?.length);
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={columns}
      scroll={{ y: 400 }}
      columns={[
        { title: t('mapping.column'), dataIndex: 'key', width: 64, render: (k: string) => columnLetter(Number(k)) },
        { title: t('mapping.header'), dataIndex: 'header', width: 160 },
        ...(hasSamples
          ? [{ title: t('mapping.samples'), key: 'samples', render: (_: unknown, c: MappedColumn) => <Typography.Text type="secondary">{(c.samples ?? []).join(' · ')}</Typography.Text> }]
          : []),
        {
          title: t('mapping.field'),
          key: 'field',
          width: 220,
          render: (_: unknown, c: MappedColumn) => (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('mapping.leaveEmpty')}
              value={value[c.key] || undefined}
              onChange={(v?: string) => {
                const next = { ...value };
                // One column per field: choosing it here takes it off the column that had it.
                if (v) for (const [k, f] of Object.entries(next)) if (f === v) delete next[k];
                if (v) next[c.key] = v;
                else delete next[c.key];
                onChange(next);
              }}
              options={options}
              style={{ width: '100%' }}
              data-testid={`${testId}-${columnLetter(Number(c.key))}`}
            />
          ),
        },
      ]}
    />
  );
}
