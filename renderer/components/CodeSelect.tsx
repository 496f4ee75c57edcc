import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS, type CodeListName } from '../../shared/rules/codes';

/** A select over a national code list, labelled in the user's language, searchable by typing. */
export function CodeSelect({ list, ...props }: { list: CodeListName } & Omit<SelectProps, 'options'>) {
  const { t } = useTranslation();
  const options = CODE_LISTS[list].map((e) => ({ value: e.code, label: t(`codes:${list}.${e.code}`) }));
  return <Select showSearch={{ optionFilterProp: 'label' }} allowClear options={options} {...props} />;
}
