import { Badge } from 'antd';
import { BellOutlined, DashboardOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { DashboardPage } from './DashboardPage';
import { TodoPage, useReminderCount } from './TodoPage';
import { DashboardPrint } from './print/DashboardPrint';

/** Today's reminders counted beside the to-do entry of the menu. */
function TodoBadge() {
  return <Badge count={useReminderCount(true)} overflowCount={99} data-testid="todo-count" />;
}

export const deskModule: RendererModule = {
  name: 'desk',
  sections: [
    { key: 'home', permission: 'desk.view', icon: <DashboardOutlined />, page: () => <DashboardPage /> },
    { key: 'todo', permission: 'desk.view', icon: <BellOutlined />, Badge: TodoBadge, page: () => <TodoPage /> },
  ],
  prints: { dashboard: ({ info }) => <DashboardPrint info={info} /> },
};
