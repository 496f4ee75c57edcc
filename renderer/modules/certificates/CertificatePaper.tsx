import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../shared/rules/dates';
import type { Certificate } from '../../../shared/contract/certificates';
import type { AppInfo } from '../../../shared/contract/community';

/** The certificate as it prints: title, number and code, the filled text, the committee, handler, date and the seal box. */
export function CertificatePaper({ c, info }: { c: Certificate; info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <div className="certificate-paper" data-testid="certificate-paper">
      <h1>{c.title}</h1>
      <div className="certificate-number" data-testid="certificate-number">
        {c.number ? t('certificates:paper.number', { number: c.number, code: c.verifyCode }) : t('certificates:paper.draft')}
      </div>
      {c.reissueOfNumber && <div className="certificate-number">{t('certificates:paper.reissueOf', { number: c.reissueOfNumber })}</div>}
      {c.body.split(/\n+/).map((p, i) => (
        <p key={i} className="certificate-body">
          {p}
        </p>
      ))}
      <div className="certificate-foot">
        <div>
          <p>{t('certificates:paper.handler', { name: c.handler })}</p>
          <p>{t('certificates:paper.phone')}{info.committeePhone}</p>
        </div>
        <div className="certificate-sign">
          <div className="seal-box">{t('certificates:paper.seal')}</div>
          <p>{info.committeeName}</p>
          <p>{c.issuedAt ? paperDate(c.issuedAt) : t('certificates:paper.notIssued')}</p>
        </div>
      </div>
    </div>
  );
}
