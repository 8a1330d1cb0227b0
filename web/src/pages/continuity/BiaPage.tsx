/** The Bia page (being written). */
import { Empty } from '../../components/Status';
import { useI18n } from '../../i18n';
import { ContinuityTabs } from './ContinuityTabs';

export default function BiaPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('continuity.tabs.bia')}</h1>
      <ContinuityTabs />
      <Empty>{t('continuity.placeholder')}</Empty>
    </>
  );
}
