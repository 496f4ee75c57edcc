import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/contract/community';
import { useCall } from '../../../api/hooks';
import { errorText } from '../../../components/errors';
import { PrintFrame } from '../../../components/PrintFrame';
import { CertificatePaper } from '../CertificatePaper';

/** One certificate on A4 portrait; printing it leaves a trace in the activity log. */
export function CertificatePrint({ id, info }: { id: number; info: AppInfo }) {
  const { t } = useTranslation();
  const c = useCall('certs.get', { id, forPrint: true });
  if (c.isPending) return <Spin />;
  if (c.isError) return <p>{errorText(t, c.error)}</p>;
  return (
    <PrintFrame singlePage>
      <CertificatePaper c={c.data} info={info} />
    </PrintFrame>
  );
}
