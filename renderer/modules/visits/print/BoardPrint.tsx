import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import type { AppInfo } from '../../../../shared/contract/community';
import type { ProblemRow } from '../../../../shared/contract/visits';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { Waiting } from '../../../components/Waiting';

/** 诉求日销账表, A4 landscape, for the morning meeting: plain tables that break across pages as paper does. */
export function BoardPrint({ query, info }: { query: URLSearchParams; info: AppInfo }) {
  const { t } = useTranslation();
  const date = query.get('date') ?? todayIso();
  const q = useCall('problems.board', { date, forPrint: true });
  if (!q.isSuccess) return <Waiting query={q} print />;
  const b = q.data;
  const overdue = b.open.filter((r) => r.overdue).length;
  const list = (title: string, rows: ProblemRow[], testId: string) => (
    <>
      <h3 className="print-heading">{title}</h3>
      <table className="print-table" data-testid={testId}>
        <thead>
          <tr>
            {['number', 'category', 'content', 'where', 'raiser', 'deadline', 'assignee', 'state'].map((c) => (
              <th key={c}>{t(`visits:fields.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={8}>{t('visits:board.none')}</td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.number}</td>
              <td>{r.category}</td>
              <td className="wrap">{r.content}</td>
              <td className="wrap">{[r.grid, r.where].filter(Boolean).join(' ')}</td>
              <td>{r.raiser}</td>
              <td>{paperDate(r.deadline)}</td>
              <td>{r.assignee || t('visits:problems.unassigned')}</td>
              <td>
                {t(`visits:state.${r.state}`)}
                {r.overdue ? ` · ${t('visits:problems.overdue')}` : ''}
                {r.escalated ? ` · ${t('visits:problems.escalated')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
  return (
    <PrintFrame landscape>
      <h1>{t('visits:board.title', { community: info.communityName })}</h1>
      <div className="print-meta">
        <span>{t('visits:board.dateLine', { date: paperDate(date) })}</span>
        <span data-testid="board">
          {(
            [
              ['cameIn', b.cameIn.length],
              ['closed', b.closed.length],
              ['open', b.open.length],
              ['overdue', overdue],
              ['visits', b.visits],
            ] as const
          )
            .map(([k, v]) => `${t(`visits:board.${k}`)} ${v}`)
            .join('　')}
        </span>
        <span>{t('print.date', { date: paperDate(todayIso()) })}</span>
      </div>
      <table className="print-table">
        <thead>
          <tr>
            <th>{t('visits:fields.grid')}</th>
            {(['cameIn', 'closed', 'open', 'overdue'] as const).map((k) => (
              <th key={k}>{t(`visits:board.${k}`)}</th>
            ))}
            <th>{t('visits:fields.assignee')}</th>
            <th>{t('visits:board.open')}</th>
            <th>{t('visits:board.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: Math.max(b.byGrid.length, b.byPerson.length, 1) }, (_, i) => {
            const g = b.byGrid[i];
            const p = b.byPerson[i];
            return (
              <tr key={i}>
                <td>{g ? g.name || t('visits:board.noGrid') : ''}</td>
                <td>{g?.cameIn ?? ''}</td>
                <td>{g?.closed ?? ''}</td>
                <td>{g?.open ?? ''}</td>
                <td>{g?.overdue ?? ''}</td>
                <td>{p ? p.name || t('visits:problems.unassigned') : ''}</td>
                <td>{p?.open ?? ''}</td>
                <td>{p?.overdue ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {list(t('visits:board.openList'), b.open, 'board-open')}
      {list(t('visits:board.cameIn'), b.cameIn, 'board-cameIn')}
      {list(t('visits:board.closed'), b.closed, 'board-closed')}
      <div className="print-foot">
        <span>{t('print.preparedBy')}</span>
        <span>{info.committeeName}</span>
      </div>
    </PrintFrame>
  );
}
