import { CloudUploadOutlined, ContainerOutlined, TeamOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { ResidentsPage } from './ResidentsPage';
import { ResidentPage } from './ResidentPage';
import { ResidentFormPage } from './ResidentFormPage';
import { HouseholdPage } from './HouseholdPage';
import { HouseholdsPage } from './HouseholdsPage';
import { ImportPage } from './ImportPage';
import { RosterPrint } from './print/RosterPrint';
import { HouseholdCardPrint } from './print/HouseholdCardPrint';

export const residentsModule: RendererModule = {
  name: 'residents',
  sections: [
    {
      key: 'residents',
      permission: 'residents.view',
      icon: <TeamOutlined />,
      page: ({ path: [id, action], query }) => {
        if (id === 'new') return <ResidentFormPage householdId={Number(query.get('household')) || undefined} />;
        if (id && action === 'edit') return <ResidentFormPage id={Number(id)} />;
        if (id) return <ResidentPage id={Number(id)} />;
        return <ResidentsPage query={query} />;
      },
    },
    { key: 'households', permission: 'residents.view', icon: <ContainerOutlined />, page: ({ path: [id] }) => (id ? <HouseholdPage id={Number(id)} /> : <HouseholdsPage />) },
    { key: 'import', permission: 'residents.import', icon: <CloudUploadOutlined />, page: () => <ImportPage /> },
  ],
  prints: {
    roster: ({ query, info }) => <RosterPrint query={query} info={info} />,
    household: ({ path: [id], info }) => <HouseholdCardPrint id={Number(id)} info={info} />,
  },
};
