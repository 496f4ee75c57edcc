import { BarChartOutlined, TableOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { REPORT_KINDS, REPORT_PERMISSION } from '../../../shared/contract/reports';
import { ReportsPage } from './ReportsPage';
import { SheetsPage } from './SheetsPage';
import { ReportPrint } from './print/ReportPrint';

export const reportsModule: RendererModule = {
  name: 'reports',
  sections: [
    { key: 'reports', permission: 'desk.view', icon: <BarChartOutlined />, offered: (can) => REPORT_KINDS.some((k) => can(REPORT_PERMISSION[k])), page: () => <ReportsPage /> },
    { key: 'sheets', permission: 'residents.export', icon: <TableOutlined />, page: () => <SheetsPage /> },
  ],
  prints: { report: ({ query }) => <ReportPrint query={query} /> },
};
