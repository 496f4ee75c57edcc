import { AuditOutlined, SafetyOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { UsersPage } from './UsersPage';
import { AuditPage } from './AuditPage';

export const accountsModule: RendererModule = {
  name: 'accounts',
  sections: [
    { key: 'users', permission: 'users.manage', icon: <SafetyOutlined />, page: () => <UsersPage /> },
    { key: 'audit', permission: 'audit.view', icon: <AuditOutlined />, page: () => <AuditPage /> },
  ],
};
