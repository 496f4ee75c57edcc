import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProblemRow } from '../../../shared/contract/visits';
import { isClosed } from '../../../shared/rules/visits';

export function ProblemTags({ p }: { p: Pick<ProblemRow, 'state' | 'overdue' | 'urgent' | 'escalated'> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={isClosed(p.state) ? 'green' : p.state === 'found' ? 'gold' : 'blue'} data-testid="problem-state">
        {t(`visits:state.${p.state}`)}
      </Tag>
      {p.urgent && <Tag color="red">{t('visits:fields.urgent')}</Tag>}
      {p.overdue && <Tag color="volcano">{t('visits:problems.overdue')}</Tag>}
      {p.escalated && <Tag color="purple">{t('visits:problems.escalated')}</Tag>}
    </Space>
  );
}

/** The columns every list of problems shows. */
export function problemColumns(t: (k: string) => string) {
  return [
    { title: t('visits:fields.number'), dataIndex: 'number', width: 120 },
    { title: t('visits:fields.category'), dataIndex: 'category', width: 100 },
    { title: t('visits:fields.content'), dataIndex: 'content' },
    { title: t('visits:fields.where'), render: (_: unknown, r: ProblemRow) => [r.grid, r.where].filter(Boolean).join(' '), width: 160 },
    { title: t('visits:fields.deadline'), dataIndex: 'deadline', width: 115 },
    { title: t('visits:fields.assignee'), render: (_: unknown, r: ProblemRow) => r.assignee || t('visits:problems.unassigned'), width: 100 },
    { title: t('visits:fields.state'), render: (_: unknown, r: ProblemRow) => <ProblemTags p={r} />, width: 170 },
  ];
}
