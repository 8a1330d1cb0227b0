/** Accessible UI primitives (React Aria Components), themed by styles.css variables. */
export { ComboBox, filterItems, fold } from './ComboBox';
export type { ComboBoxProps, PickerItem } from './ComboBox';
export { ConfirmDialog, DialogTrigger, Modal, SidePanel } from './Dialog';
export type { ConfirmDialogProps, ModalProps } from './Dialog';
export { DateField, DatePicker, toCalendarDate, todayIso } from './DatePicker';
export type { DateFieldProps } from './DatePicker';
export { MenuButton, MenuItem } from './Menu';
export type { MenuButtonProps, MenuItemProps } from './Menu';
export { Select } from './Select';
export type { SelectProps } from './Select';
export { Tab, TabList, TabPanel, Tabs } from './Tabs';
export { Toaster, toast, toastQueue } from './Toast';
export type { ToastKind } from './Toast';
export { Button } from 'react-aria-components';
