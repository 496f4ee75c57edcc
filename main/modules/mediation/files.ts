import { createHash } from 'node:crypto';
import { DEFAULT_RETENTION_YEARS, DISPUTE_TYPES } from '../../../shared/rules/mediation';
import { MAX_ATTACHMENT_BYTES, type MediationSettings } from '../../../shared/contract/mediation';
import { AppError } from '../../core/errors';
import { getSetting, setSetting, stmt, type Db } from '../../core/ledger';

/** The committee's mediation settings: follow-up interval, short name for numbers, retention per dispute type. */
export function mediationSettings(db: Db): MediationSettings {
  const stored = JSON.parse(getSetting(db, 'mediation') ?? '{}') as Partial<MediationSettings>;
  return {
    followUpMonths: stored.followUpMonths ?? 1,
    shortName: stored.shortName ?? (getSetting(db, 'community_name') ?? '调').slice(0, 1),
    retentionYears: { ...Object.fromEntries(DISPUTE_TYPES.map((d) => [d, DEFAULT_RETENTION_YEARS])), ...(stored.retentionYears ?? {}) },
  };
}

export function setMediationSettings(db: Db, s: MediationSettings): MediationSettings {
  setSetting(db, 'mediation', JSON.stringify(s));
  return mediationSettings(db);
}

export function attach(db: Db, input: { id: number; kind: string; fileName: string; base64: string; note: string }, by: string) {
  const data = Buffer.from(input.base64, 'base64');
  if (data.length === 0) throw new AppError('mediation.fileEmpty');
  if (data.length > MAX_ATTACHMENT_BYTES) throw new AppError('mediation.fileTooLarge');
  const sha256 = createHash('sha256').update(data).digest('hex');
  const attachmentId = Number(
    stmt(db, 'INSERT INTO mediation_attachments(case_id, kind, name, size, sha256, data, note, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      input.id,
      input.kind,
      input.fileName,
      data.length,
      sha256,
      data,
      input.note,
      by,
    ).lastInsertRowid,
  );
  return { attachmentId, sha256 };
}

export function attachments(db: Db, caseId: number) {
  return stmt(db, 'SELECT id, kind, name, size, sha256, note, added_by AS addedBy, at FROM mediation_attachments WHERE case_id = ? ORDER BY id').all(caseId) as {
    id: number;
    kind: 'identity';
    name: string;
    size: number;
    sha256: string;
    note: string;
    addedBy: string;
    at: string;
  }[];
}

/** An attachment's content, checked against the hash taken when it was added. */
export function attachmentContent(db: Db, attachmentId: number): { caseId: number; fileName: string; base64: string } {
  const r = stmt(db, 'SELECT case_id, name, data, sha256 FROM mediation_attachments WHERE id = ?').get(attachmentId) as { case_id: number; name: string; data: Buffer; sha256: string } | undefined;
  if (!r) throw new AppError('mediation.fileNotFound');
  if (createHash('sha256').update(r.data).digest('hex') !== r.sha256) throw new AppError('mediation.fileDamaged');
  return { caseId: r.case_id, fileName: r.name, base64: r.data.toString('base64') };
}
