import type { AppInfo } from '../../../../shared/contract/community';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { CertificatePaper } from '../CertificatePaper';
import { Waiting } from '../../../components/Waiting';

/** One certificate on A4 portrait; printing it leaves a trace in the activity log. */
export function CertificatePrint({ id, info }: { id: number; info: AppInfo }) {
  const c = useCall('certs.get', { id, forPrint: true });
  if (!c.isSuccess) return <Waiting query={c} print />;
  return (
    <PrintFrame singlePage>
      <CertificatePaper c={c.data} info={info} />
    </PrintFrame>
  );
}
