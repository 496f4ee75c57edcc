import { CommentOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { ConsultationPage } from './ConsultationPage';
import { MatterPrint, RegisterPrint } from './print/ConsultPrints';

export const consultationModule: RendererModule = {
  name: 'consultation',
  sections: [{ key: 'consultation', permission: 'consultation.view', icon: <CommentOutlined />, page: ({ path: [tab] }) => <ConsultationPage tab={tab} /> }],
  prints: {
    'consult-notice': ({ path: [id], info }) => <MatterPrint id={Number(id)} paper="notice" info={info} />,
    'consult-signin': ({ path: [id], info }) => <MatterPrint id={Number(id)} paper="signIn" info={info} />,
    'consult-record': ({ path: [id], info }) => <MatterPrint id={Number(id)} paper="record" info={info} />,
    'consult-result': ({ path: [id], info }) => <MatterPrint id={Number(id)} paper="result" info={info} />,
    'consult-register': ({ path: [year], info }) => <RegisterPrint year={Number(year)} info={info} />,
  },
};
