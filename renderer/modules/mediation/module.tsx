import { CommentOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { MediationPage } from './MediationPage';
import { AgreementPrint } from './print/AgreementPrint';
import { SessionRecordPrint } from './print/SessionRecordPrint';
import { RightsNoticePrint } from './print/RightsNoticePrint';
import { CaseDocumentPrint, CaseFilePrint } from './print/CaseFilePrint';
import { StatsPrint } from './print/StatsPrint';

export const mediationModule: RendererModule = {
  name: 'mediation',
  sections: [{ key: 'mediation', permission: 'mediation.work', icon: <CommentOutlined />, page: ({ path: [id] }) => <MediationPage caseId={Number(id) || undefined} /> }],
  prints: {
    'mediation-session': ({ path: [id, session], info }) => <SessionRecordPrint id={Number(id)} session={Number(session)} info={info} />,
    'mediation-stats': ({ query, info }) => <StatsPrint query={query} info={info} />,
    'mediation-doc': ({ path: [id, doc], info }) => <CaseDocumentPrint id={Number(id)} docKey={doc ?? ''} info={info} />,
    'mediation-file': ({ path: [id], info }) => <CaseFilePrint id={Number(id)} info={info} />,
    'mediation-rights': ({ path: [id], info }) => <RightsNoticePrint id={Number(id)} info={info} />,
    'mediation-agreement': ({ path: [id], info }) => <AgreementPrint id={Number(id)} info={info} />,
  },
};
