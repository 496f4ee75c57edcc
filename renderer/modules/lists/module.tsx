import { ApartmentOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { ListsPage } from './ListsPage';
import { NeedListPrint } from './print/NeedListPrint';
import { ResourceListPrint } from './print/ResourceListPrint';
import { NeedSlipPrint } from './print/NeedSlipPrint';
import { MeasuresPrint } from './print/MeasuresPrint';

export const listsModule: RendererModule = {
  name: 'lists',
  sections: [{ key: 'lists', permission: 'lists.view', icon: <ApartmentOutlined />, page: ({ path: [tab, id] }) => <ListsPage tab={tab} id={Number(id) || undefined} /> }],
  prints: {
    'list-needs': ({ query, info }) => <NeedListPrint query={query} info={info} />,
    'list-resources': ({ info }) => <ResourceListPrint info={info} />,
    'list-slip': ({ path: [id], info }) => <NeedSlipPrint id={Number(id)} kind="slip" info={info} />,
    'list-card': ({ path: [id], info }) => <NeedSlipPrint id={Number(id)} kind="card" info={info} />,
    'list-measures': ({ query, info }) => <MeasuresPrint query={query} info={info} />,
  },
};
