import { Select, type SelectProps } from 'antd';
import type { DefaultOptionType } from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS, type CodeListName } from '../../shared/rules/codes';

/** How well a name answers what was typed: the name itself, then names that begin with it, then the rest. */
const closeness = (label: string, typed: string) => (label === typed ? 0 : label.startsWith(typed) ? 1 : 2);

/**
 * A select over a national code list, labelled in the user's language, searchable by typing. What was
 * typed comes first: “女” highlights 女, not 女婿 (which comes before it in the code list), so Enter takes it.
 */
export function CodeSelect({ list, ...props }: { list: CodeListName } & Omit<SelectProps, 'options'>) {
  const { t } = useTranslation();
  const options = CODE_LISTS[list].map((e) => ({ value: e.code, label: t(`codes:${list}.${e.code}`) }));
  const order = new Map<unknown, number>(options.map((o, i) => [o.value, i]));
  const filterSort = (a: DefaultOptionType, b: DefaultOptionType, { searchValue }: { searchValue: string }) => {
    const typed = searchValue.trim();
    return closeness(String(a.label), typed) - closeness(String(b.label), typed) || order.get(a.value)! - order.get(b.value)!;
  };
  return <Select showSearch={{ optionFilterProp: 'label', filterSort }} allowClear options={options} {...props} />;
}
