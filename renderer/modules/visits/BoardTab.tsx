import { useState } from 'react';
import { Button, Card, Col, Input, Row, Space, Statistic, Table } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProblemRow } from '../../../shared/contract/visits';
import { isoDate } from '../../../shared/contract/fields';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { problemColumns } from './ProblemTags';
import { openableRow } from '../../components/openableRow';
import { links, printLinks } from '../../../shared/contract/links';

/** 日销账: for the morning meeting, any day's board — what came in, what closed, what is open and whose. */
export function BoardTab() {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso);
  const valid = isoDate.safeParse(date).success;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('visits:board.date')}</span>
        <Input value={date} onChange={(e) => setDate(e.target.value)} style={{ width: 150 }} status={valid ? '' : 'error'} data-testid="board-date" />
        <Button size="large" icon={<PrinterOutlined />} disabled={!valid} onClick={() => navigate(printLinks.problemBoard, { date })} data-testid="board-print">
          {t('visits:board.print')}
        </Button>
      </Space>
      {valid && <BoardView date={date} />}
    </Space>
  );
}

function BoardView({ date }: { date: string }) {
  const { t } = useTranslation();
  const q = useCall('problems.board', { date });
  if (!q.data) return null;
  const b = q.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="board">
      <Row gutter={16}>
        {(
          [
            ['cameIn', b.cameIn.length],
            ['closed', b.closed.length],
            ['open', b.open.length],
            ['overdue', b.open.filter((r) => r.overdue).length],
            ['visits', b.visits],
          ] as const
        ).map(([k, v]) => (
          <Col flex="1" key={k}>
            <Card size="small">
              <Statistic title={t(`visits:board.${k}`)} value={v} valueStyle={k === 'overdue' && v > 0 ? { color: '#cf1322' } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col span={14}>
          <Table
                        rowKey="name"
            pagination={false}
            title={() => t('visits:board.byGrid')}
            dataSource={b.byGrid}
            locale={{ emptyText: t('visits:board.none') }}
            columns={[
              { title: t('visits:fields.grid'), dataIndex: 'name', render: (n: string) => n || t('visits:board.noGrid') },
              ...(['cameIn', 'closed', 'open', 'overdue'] as const).map((k) => ({ title: t(`visits:board.${k}`), dataIndex: k, width: 90 })),
            ]}
          />
        </Col>
        <Col span={10}>
          <Table
                        rowKey="name"
            pagination={false}
            title={() => t('visits:board.byPerson')}
            dataSource={b.byPerson}
            locale={{ emptyText: t('visits:board.none') }}
            data-testid="board-people"
            columns={[
              { title: t('visits:fields.assignee'), dataIndex: 'name', render: (n: string) => n || t('visits:problems.unassigned') },
              { title: t('visits:board.open'), dataIndex: 'open', width: 90 },
              { title: t('visits:board.overdue'), dataIndex: 'overdue', width: 90 },
            ]}
          />
        </Col>
      </Row>
      {(['open', 'cameIn', 'closed'] as const).map((k) => (
        <Table<ProblemRow>
          key={k}
                    rowKey="id"
          pagination={false}
          title={() => (k === 'open' ? t('visits:board.openList') : t(`visits:board.${k}`))}
          dataSource={b[k]}
          locale={{ emptyText: t('visits:board.none') }}
          onRow={(r) => openableRow(() => navigate(links.problem(r.id)))}
          data-testid={`board-${k}`}
          columns={problemColumns(t)}
        />
      ))}
    </Space>
  );
}
