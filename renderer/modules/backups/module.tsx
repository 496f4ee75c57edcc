import { DatabaseOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { BackupsPage } from './BackupsPage';

export const backupsModule: RendererModule = {
  name: 'backups',
  sections: [{ key: 'backups', permission: 'backups.manage', icon: <DatabaseOutlined />, page: () => <BackupsPage /> }],
};
