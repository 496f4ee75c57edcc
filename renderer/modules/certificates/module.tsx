import { FileProtectOutlined } from '@ant-design/icons';
import type { RendererModule } from '../registry';
import { CertificatesPage } from './CertificatesPage';
import { CertificatePrint } from './print/CertificatePrint';
import { RegisterPrint } from './print/RegisterPrint';

export const certificatesModule: RendererModule = {
  name: 'certificates',
  sections: [{ key: 'certificates', permission: 'certificates.issue', icon: <FileProtectOutlined />, page: ({ path: [tab], query, info }) => <CertificatesPage tab={tab} query={query} info={info} /> }],
  prints: {
    certificate: ({ path: [id], info }) => <CertificatePrint id={Number(id)} info={info} />,
    'cert-register': ({ query, info }) => <RegisterPrint query={query} info={info} />,
  },
};
