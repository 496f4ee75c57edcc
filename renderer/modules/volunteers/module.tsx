import { TeamOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { VolunteersPage } from './VolunteersPage';
import { ActivitySignInPrint, HoursCertificatePrint, HoursSheetPrint } from './print/VolunteerPrints';

export const volunteersModule: RendererModule = {
  name: 'volunteers',
  sections: [{ key: 'volunteers', permission: 'volunteers.view', icon: <TeamOutlined />, page: ({ path: [tab, id] }) => <VolunteersPage tab={tab} id={Number(id) || undefined} /> }],
  prints: {
    'volunteer-certificate': ({ path: [id], info }) => <HoursCertificatePrint id={Number(id)} info={info} />,
    'volunteer-hours': ({ path: [year], info }) => <HoursSheetPrint year={Number(year)} info={info} />,
    'activity-signin': ({ path: [id], info }) => <ActivitySignInPrint id={Number(id)} info={info} />,
  },
};
