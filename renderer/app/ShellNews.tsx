import { useEffect, useState } from 'react';
import { Alert, App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listenToShell } from '../api/client';
import { touches } from '../api/hooks';

/**
 * Everyone sees the same ledger: when any desk writes, the host says which modules changed and this
 * window refetches only the open queries those touch (lists, counts, the desk, the reminders). When
 * the host cannot be reached a banner says so, in words, and goes when it is back.
 */
/** Said on the window when the ledger signed everyone out. */
export const SIGNED_OUT = 'linli:signed-out';

export function ShellNews() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [hostDown, setHostDown] = useState<false | 'away' | 'certChanged'>(false);
  useEffect(
    () =>
      listenToShell((e) => {
        if (e.type === 'changed') void client.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0] !== 'auth.status' && touches(q.queryKey[0], e.modules) });
        else if (e.type === 'host') {
          setHostDown(e.up ? false : e.certChanged ? 'certChanged' : 'away');
          // Back: whatever changed meanwhile is fetched again, and a restarted host asks for the sign-in.
          if (e.up) void client.invalidateQueries();
        } else {
          // Everyone signs in afresh (the accounts may be other ones now): nothing of the last session is kept.
          window.dispatchEvent(new Event(SIGNED_OUT));
          message.warning(t(`shellNews.signedOut.${e.reason}`), 10);
          void client.invalidateQueries({ queryKey: ['auth.status'] });
        }
      }),
    [client, message, t],
  );
  useEffect(() => {
    document.body.classList.toggle('host-is-down', !!hostDown);
    return () => document.body.classList.remove('host-is-down');
  }, [hostDown]);
  if (!hostDown) return null;
  // Another certificate at the host's address is not an outage to wait out: someone has to look.
  const words = hostDown === 'certChanged' ? { message: t('shellNews.hostCertChanged'), help: t('shellNews.hostCertChangedHelp') } : { message: t('shellNews.hostDown'), help: t('shellNews.hostDownHelp') };
  return <Alert className="host-down" type="error" showIcon banner message={words.message} description={words.help} data-testid="host-down" />;
}
