/** Placeholder: the exercises page is being written (replaced by its own implementation). */
import { Empty } from '../../components/Status';
import { useI18n } from '../../i18n';
import { ContinuityTabs } from './ContinuityTabs';

export default function ExercisesPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('continuity.tabs.exercises')}</h1>
      <ContinuityTabs />
      <Empty>{t('continuity.placeholder')}</Empty>
    </>
  );
}
