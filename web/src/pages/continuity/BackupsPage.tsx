/** The Backups page (being written). */
import { Empty } from '../../components/Status';
import { useI18n } from '../../i18n';
import { ContinuityTabs } from './ContinuityTabs';

export default function BackupsPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('continuity.tabs.backups')}</h1>
      <ContinuityTabs />
      <Empty>{t('continuity.placeholder')}</Empty>
    </>
  );
}
