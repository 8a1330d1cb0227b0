/**
 * Tabs (React Aria: arrow keys between tabs, the panel labelled by its tab). Keep the selected
 * tab in the URL so it survives a reload and can be shared:
 *
 *     const [tab, setTab] = useSearchState('tab', 'paths');
 *     <Tabs selectedKey={tab} onSelectionChange={(k) => setTab(String(k))}>
 *       <TabList aria-label={t('paths.tabs')}>
 *         <Tab id="paths">{t('paths.tab.paths')}</Tab>
 *         <Tab id="choke">{t('paths.tab.choke')}</Tab>
 *       </TabList>
 *       <TabPanel id="paths">…</TabPanel>
 *       <TabPanel id="choke">…</TabPanel>
 *     </Tabs>
 */
import {
  Tab as AriaTab,
  TabList as AriaTabList,
  TabPanel as AriaTabPanel,
  Tabs as AriaTabs,
} from 'react-aria-components';
import type { TabListProps, TabPanelProps, TabProps, TabsProps } from 'react-aria-components';
import './ui.css';

export function Tabs(props: Omit<TabsProps, 'className'>) {
  return <AriaTabs {...props} className="ui-tabs" />;
}

export function TabList<T extends object>(props: Omit<TabListProps<T>, 'className'>) {
  return <AriaTabList {...props} className="ui-tablist" />;
}

export function Tab(props: Omit<TabProps, 'className'>) {
  return <AriaTab {...props} className="ui-tab" />;
}

export function TabPanel(props: Omit<TabPanelProps, 'className'>) {
  return <AriaTabPanel {...props} className="ui-tabpanel" />;
}
