import { ScheduleOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { VisitsPage } from './VisitsPage';
import { BoardPrint } from './print/BoardPrint';
import { ReferralPrint } from './print/ReferralPrint';

export const visitsModule: RendererModule = {
  name: 'visits',
  sections: [{ key: 'visits', permission: 'visits.view', icon: <ScheduleOutlined />, page: ({ path: [tab, id], query }) => <VisitsPage tab={tab} id={Number(id) || undefined} query={query} /> }],
  prints: {
    'problem-board': ({ query, info }) => <BoardPrint query={query} info={info} />,
    referral: ({ path: [id, escalation], info }) => <ReferralPrint id={Number(id)} escalationId={Number(escalation)} info={info} />,
  },
};
