import { useState } from 'react';
import { Button, Checkbox, Popover } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * Which columns a wide table shows, chosen by the user and kept on this PC: at 1366×768 not every
 * column fits, and each desk needs different ones. The first column always stays.
 */
export function useChosenColumns(storageKey: string, all: readonly string[], shownByDefault: readonly string[]) {
  const key = `linli.columns.${storageKey}`;
  const [shown, setShown] = useState<string[]>(() => {
    try {
      const kept = JSON.parse(localStorage.getItem(key) ?? 'null') as unknown;
      if (Array.isArray(kept)) return all.filter((c) => kept.includes(c));
    } catch {
      // a damaged setting: the defaults
    }
    return [...shownByDefault];
  });
  const choose = (next: string[]) => {
    const ordered = all.filter((c) => next.includes(c));
    setShown(ordered);
    localStorage.setItem(key, JSON.stringify(ordered));
  };
  return { shown, choose };
}

export function ColumnChooser({ options, shown, onChange, testId }: { options: { value: string; label: string; fixed?: boolean }[]; shown: string[]; onChange: (next: string[]) => void; testId?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('common:columns.title')}
      content={
        <Checkbox.Group
          style={{ display: 'grid', gap: 8 }}
          value={[...shown, ...options.filter((o) => o.fixed).map((o) => o.value)]}
          onChange={(v) => onChange(v.map(String))}
          options={options.map((o) => ({ value: o.value, label: o.label, disabled: o.fixed }))}
          data-testid={testId && `${testId}-options`}
        />
      }
    >
      <Button size="large" icon={<SettingOutlined />} data-testid={testId}>
        {t('common:columns.button', { shown: shown.length + options.filter((o) => o.fixed).length, all: options.length })}
      </Button>
    </Popover>
  );
}
