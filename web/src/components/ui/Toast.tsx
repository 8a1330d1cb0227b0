/**
 * Toasts: short notices after an action (saved, sent, failed), announced to screen readers,
 * dismissable, queued globally. Call from anywhere — no hook needed:
 *
 *     toast.success(t('members.invited', { email }));
 *     toast.error(errorText(error, lang, t('app.networkError')));
 *
 * `<Toaster />` is mounted once by the app's root (web/src/App.tsx). Success and info toasts
 * close after 6 s (paused while hovered or focused); errors stay until dismissed.
 */
import {
  Button,
  UNSTABLE_Toast as AriaToast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
  Text,
} from 'react-aria-components';
import { useI18n } from '../../i18n';
import './ui.css';

export type ToastKind = 'success' | 'error' | 'info';

export interface ToastContentValue {
  readonly kind: ToastKind;
  readonly message: string;
}

export const toastQueue = new ToastQueue<ToastContentValue>({ maxVisibleToasts: 4 });

const TIMEOUT_MS = 6000;

function show(kind: ToastKind, message: string): string {
  return toastQueue.add({ kind, message }, kind === 'error' ? {} : { timeout: TIMEOUT_MS });
}

export const toast = {
  success: (message: string): string => show('success', message),
  error: (message: string): string => show('error', message),
  info: (message: string): string => show('info', message),
  close: (key: string): void => {
    toastQueue.close(key);
  },
};

export function Toaster() {
  const { t } = useI18n();
  return (
    <ToastRegion queue={toastQueue} className="ui-toast-region" aria-label={t('ui.notifications')}>
      {({ toast: item }) => (
        <AriaToast toast={item} className={`ui-toast ui-toast-${item.content.kind}`}>
          <ToastContent className="ui-toast-content">
            <Text slot="title">{item.content.message}</Text>
          </ToastContent>
          <Button slot="close" className="ui-icon-button" aria-label={t('ui.close')}>
            <span aria-hidden="true">×</span>
          </Button>
        </AriaToast>
      )}
    </ToastRegion>
  );
}
