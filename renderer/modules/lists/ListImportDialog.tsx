import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useWrite } from '../../api/hooks';
import { SheetImportDialog } from '../../components/SheetImportDialog';

/** The needs or resources the community keeps in Excel today, checked row by row, then imported at once. */
export function ListImportDialog({ list, onClose }: { list: 'needs' | 'resources'; onClose: () => void }) {
  const { t } = useTranslation();
  const commit = useWrite('lists.importCommit');
  return (
    <SheetImportDialog
      ns="lists"
      title={t(`lists:import.${list}Title`)}
      hint={t(`lists:import.${list}Hint`)}
      testId="list-import"
      check={(file) => call('lists.importCheck', { ...file, list })}
      commit={(token, done, failed) => commit.mutate({ token }, { onSuccess: (r) => done(r.created), onError: failed })}
      committing={commit.isPending}
      onClose={onClose}
    />
  );
}
