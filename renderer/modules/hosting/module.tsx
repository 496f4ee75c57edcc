import { DesktopOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { HostingPage } from './HostingPage';

export const hostingModule: RendererModule = {
  name: 'hosting',
  sections: [{ key: 'hosting', permission: 'hosting.manage', icon: <DesktopOutlined />, page: () => <HostingPage /> }],
};
