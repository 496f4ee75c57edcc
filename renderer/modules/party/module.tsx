import { FlagOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { PartyPage } from './PartyPage';
import { PartyRosterPrint } from './print/PartyRosterPrint';
import { MeetingPrint } from './print/MeetingPrint';
import { DuesSheetPrint } from './print/DuesSheetPrint';
import { DuesYearPrint } from './print/DuesYearPrint';
import { ReportReceiptPrint } from './print/ReportReceiptPrint';
import { ServiceSummaryPrint } from './print/ServiceSummaryPrint';

export const partyModule: RendererModule = {
  name: 'party',
  sections: [{ key: 'party', permission: 'party.view', icon: <FlagOutlined />, page: ({ path: [tab], query }) => <PartyPage tab={tab} query={query} /> }],
  prints: {
    'party-roster': ({ query, info }) => <PartyRosterPrint query={query} info={info} />,
    meeting: ({ path: [id] }) => <MeetingPrint id={Number(id)} />,
    dues: ({ query }) => <DuesSheetPrint query={query} />,
    'dues-year': ({ query }) => <DuesYearPrint query={query} />,
    'report-receipt': ({ path: [id], info }) => <ReportReceiptPrint id={Number(id)} info={info} />,
    'service-summary': ({ query, info }) => <ServiceSummaryPrint query={query} info={info} />,
  },
};
