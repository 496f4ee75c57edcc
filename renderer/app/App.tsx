import { useCallback, useEffect, useState } from 'react';
import type { CurrentUser } from '../../shared/contract/auth';
import { SIGNED_OUT, ShellNews } from './ShellNews';
import { QueryCache, QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n/languages';
import { ANTD_LOCALES } from '../i18n';
import { CallError } from '../api/client';
import { useCall } from '../api/hooks';
import { errorText } from '../components/errors';
import { focusFirstFieldInDialogs, keepClearButtonsOutOfTabOrder, keepFocusOnThePage } from '../components/keyboard';
import { useRoute } from './router';
import { Shell } from './Shell';
import { PRINT_VIEWS } from '../modules';
import { SetupPage } from '../modules/community/api';
import { ChangePasswordDialog, LoginPage, RecoveryCodePage, UserContext, useIdleLock, usePendingRecoveryCode } from '../modules/accounts/api';

// A call refused because the session ended or locked sends the screen back to the sign-in.
const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
  queryCache: new QueryCache({
    onError: (err) => {
      if (err instanceof CallError && (err.failure.code === 'locked' || err.failure.code === 'authRequired')) void queryClient.invalidateQueries({ queryKey: ['auth.status'] });
    },
  }),
});

/** Larger type and targets than antd's defaults: many users are older and not at ease with computers. */
const theme = { token: { fontSize: 16, controlHeight: 40, controlHeightLG: 48, borderRadius: 6, colorPrimary: '#b5391f' } };

function SignedIn({ idleMinutes }: { idleMinutes: number }) {
  const { t } = useTranslation();
  const route = useRoute();
  const client = useQueryClient();
  const info = useCall('app.info', {});
  useIdleLock(idleMinutes, useCallback(() => void client.invalidateQueries({ queryKey: ['auth.status'] }), [client]));
  if (info.isPending) return <Spin size="large" className="center-spin" />;
  if (info.isError && !info.data) return <Result status="error" title={errorText(t, info.error)} />;
  if (!info.data.setupDone) return <SetupPage withAdmin={false} />;
  // Print views (#/print/<name>/…) stand alone, without the menu around them.
  const print = route.path[0] === 'print' ? PRINT_VIEWS.get(route.path[1] ?? '') : undefined;
  if (print) return print({ path: route.path.slice(2), query: route.query, info: info.data });
  return <Shell route={route} info={info.data} />;
}

/**
 * Who this window was signed in as. When the session locks, or ends without the person signing out
 * (the host restarted), the sign-in is laid over the screen and what was being typed stays beneath it.
 * Signing out, or another person signing in, starts afresh.
 */
function useWindowUser(current: CurrentUser | null | undefined): [CurrentUser | null, () => void] {
  const [kept, setKept] = useState<CurrentUser | null>(null);
  useEffect(() => {
    if (current && current.username !== kept?.username) setKept(current);
  }, [current, kept]);
  useEffect(() => {
    const forget = () => {
      setKept(null);
      // The cached status still names the person; it must not bring them back before it is fetched again.
      queryClient.setQueryData(['auth.status', {}], (old: { user: CurrentUser | null } | undefined) => old && { ...old, user: null });
    };
    window.addEventListener(SIGNED_OUT, forget);
    const stop = queryClient.getMutationCache().subscribe((e) => {
      if (e.type === 'updated' && e.mutation.options.mutationKey?.[0] === 'auth.logout' && e.mutation.state.status === 'success') forget();
    });
    return () => {
      stop();
      window.removeEventListener(SIGNED_OUT, forget);
    };
  }, []);
  return [current ?? kept, () => setKept(null)];
}

function Root() {
  const { t } = useTranslation();
  const status = useCall('auth.status', {});
  const recoveryCode = usePendingRecoveryCode();
  const [user, forget] = useWindowUser(status.data?.user);
  if (recoveryCode) return <RecoveryCodePage code={recoveryCode} />;
  if (status.isPending) return <Spin size="large" className="center-spin" />;
  if (status.isError && !status.data) return <Result status="error" title={errorText(t, status.error)} />;
  const s = status.data;
  if (!s.hasUsers) return <SetupPage withAdmin />;
  if (!user) return <LoginPage />;
  // A temporary password opens nothing else until it is replaced (the main process refuses every other call).
  if (s.user?.mustChangePassword) return <ChangePasswordDialog forced onClose={() => void queryClient.invalidateQueries({ queryKey: ['auth.status'] })} />;
  const signInAgain = !s.user || s.locked;
  return (
    <UserContext.Provider value={user}>
      <SignedIn key={user.username} idleMinutes={s.idleMinutes} />
      {signInAgain && (
        <div className="sign-in-over" data-testid="sign-in-over">
          <LoginPage locked={s.locked} again={!s.user} username={user.username} onOtherUser={forget} />
        </div>
      )}
    </UserContext.Provider>
  );
}

export function App() {
  // useTranslation re-renders on every language change, so antd's locale follows at once.
  const { i18n, t } = useTranslation();
  useEffect(() => keepClearButtonsOutOfTabOrder(() => t('actions.clear')), [t]);
  useEffect(() => focusFirstFieldInDialogs(), []);
  useEffect(() => keepFocusOnThePage(), []);
  return (
    // No field keeps what was typed in the browser's autofill store: names, ID numbers, phones, addresses.
    <ConfigProvider locale={ANTD_LOCALES[i18n.language as Language]} theme={theme} input={{ autoComplete: 'off' }} textArea={{ autoComplete: 'off' }} form={{ validateMessages: { required: t('errors:validation.requiredNamed'), whitespace: t('errors:validation.requiredNamed') }, scrollToFirstError: { block: 'center' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <ShellNews />
          <Root />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
