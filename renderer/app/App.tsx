import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n/languages';
import { ANTD_LOCALES } from '../i18n';
import { useCall } from '../api/hooks';
import { errorText } from '../components/errors';
import { useRoute } from './router';
import { Shell } from './Shell';
import { SetupPage } from '../modules/community/SetupPage';
import { RosterPrint } from '../modules/residents/print/RosterPrint';
import { HouseholdCardPrint } from '../modules/residents/print/HouseholdCardPrint';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } } });

/** Larger type and targets than antd's defaults: many users are older and not at ease with computers. */
const theme = { token: { fontSize: 16, controlHeight: 40, controlHeightLG: 48, borderRadius: 6, colorPrimary: '#b5391f' } };

function Root() {
  const { t } = useTranslation();
  const route = useRoute();
  const info = useCall('app.info', {});
  if (info.isPending) return <Spin size="large" className="center-spin" />;
  if (info.isError) return <Result status="error" title={errorText(t, info.error)} />;
  if (!info.data.setupDone) return <SetupPage />;
  if (route.path[0] === 'print' && route.path[1] === 'roster') return <RosterPrint query={route.query} info={info.data} />;
  if (route.path[0] === 'print' && route.path[1] === 'household') return <HouseholdCardPrint id={Number(route.path[2])} info={info.data} />;
  return <Shell route={route} info={info.data} />;
}

export function App() {
  // useTranslation re-renders on every language change, so antd's locale follows at once.
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={ANTD_LOCALES[i18n.language as Language]} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Root />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
