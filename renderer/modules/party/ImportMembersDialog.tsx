import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useWrite } from '../../api/hooks';
import { SheetImportDialog } from '../../components/SheetImportDialog';

/** The branch's existing roster spreadsheet: checked first (nothing written), then imported all at once. */
export function ImportMembersDialog({ branchId, onClose }: { branchId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const commit = useWrite('party.importCommit');
  return (
    <SheetImportDialog
      ns="party"
      title={t('party:import.title')}
      hint={t('party:import.hint')}
      testId="party-import"
      check={(file) => call('party.importCheck', { ...file, branchId })}
      commit={(token, done, failed) => commit.mutate({ token }, { onSuccess: (r) => done(r.created), onError: failed })}
      committing={commit.isPending}
      onClose={onClose}
    />
  );
}
