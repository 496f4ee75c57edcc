import { HomeOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { CommunityPage } from './CommunityPage';

export const communityModule: RendererModule = {
  name: 'community',
  sections: [{ key: 'community', permission: 'community.edit', icon: <HomeOutlined />, page: () => <CommunityPage /> }],
};
