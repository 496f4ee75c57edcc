import { ClearOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { RetentionPage } from './RetentionPage';

export const retentionModule: RendererModule = {
  name: 'retention',
  sections: [{ key: 'retention', permission: 'records.purge', icon: <ClearOutlined />, page: () => <RetentionPage /> }],
};
