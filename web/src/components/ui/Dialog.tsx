/**
 * Modal dialogs (React Aria: focus trapped and restored, Escape closes, the title names it).
 *
 * - `<Modal title isOpen onOpenChange>`: controlled; or inside `<DialogTrigger>` after its
 *   trigger `<Button>` (then no `isOpen`). `children` may be a function receiving `close`.
 * - `<ConfirmDialog>`: a question with confirm/cancel buttons (`destructive` for deletions).
 * - `<SidePanel>`: the same, as a panel along the right edge (help, details).
 */
import {
  Button,
  Dialog as AriaDialog,
  DialogTrigger,
  Heading,
  Modal as AriaModal,
  ModalOverlay,
} from 'react-aria-components';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import './ui.css';

export { DialogTrigger };

export interface ModalProps {
  readonly title: ReactNode;
  /** Controlled mode; omit inside a `<DialogTrigger>`. */
  readonly isOpen?: boolean;
  readonly onOpenChange?: (isOpen: boolean) => void;
  /** Clicking outside closes (default true; false for forms that would lose input). */
  readonly isDismissable?: boolean;
  readonly children: ReactNode | ((close: () => void) => ReactNode);
  /** `alertdialog` for questions that interrupt (ConfirmDialog uses it). */
  readonly role?: 'dialog' | 'alertdialog';
  readonly variant?: 'center' | 'side';
  readonly className?: string;
}

export function Modal({
  title,
  isOpen,
  onOpenChange,
  isDismissable = true,
  children,
  role = 'dialog',
  variant = 'center',
  className,
}: ModalProps) {
  const { t } = useI18n();
  const control = {
    ...(isOpen === undefined ? {} : { isOpen }),
    ...(onOpenChange === undefined ? {} : { onOpenChange }),
  };
  return (
    <ModalOverlay
      {...control}
      isDismissable={isDismissable}
      className={variant === 'side' ? 'ui-overlay ui-overlay-side' : 'ui-overlay'}
    >
      <AriaModal className={variant === 'side' ? 'ui-modal ui-side' : 'ui-modal'}>
        <AriaDialog
          role={role}
          className={`ui-dialog${className === undefined ? '' : ` ${className}`}`}
        >
          {({ close }) => (
            <>
              <div className="ui-dialog-head">
                <Heading slot="title" className="ui-dialog-title">
                  {title}
                </Heading>
                <Button className="ui-icon-button" aria-label={t('ui.close')} onPress={close}>
                  <span aria-hidden="true">×</span>
                </Button>
              </div>
              <div className="ui-dialog-body">
                {typeof children === 'function' ? children(close) : children}
              </div>
            </>
          )}
        </AriaDialog>
      </AriaModal>
    </ModalOverlay>
  );
}

/** A side panel (right edge, full height; full width on phones). */
export function SidePanel(props: Omit<ModalProps, 'variant'>) {
  return <Modal {...props} variant="side" />;
}

export interface ConfirmDialogProps {
  readonly isOpen: boolean;
  readonly onOpenChange: (isOpen: boolean) => void;
  readonly title: ReactNode;
  /** What will happen (and what it affects); plain text or a list. */
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
  /** Red confirm button, focus starts on Cancel. */
  readonly destructive?: boolean;
  readonly onConfirm: () => void;
}

export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  cancelLabel,
  destructive = false,
  onConfirm,
}: ConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <Modal
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={title}
      role="alertdialog"
      isDismissable={false}
    >
      {(close) => (
        <>
          <div className="ui-confirm-message">{children}</div>
          <div className="ui-dialog-actions">
            <Button className="ui-button" autoFocus={destructive} onPress={close}>
              {cancelLabel ?? t('ui.cancel')}
            </Button>
            <Button
              className={destructive ? 'ui-button ui-button-danger' : 'ui-button ui-button-primary'}
              autoFocus={!destructive}
              onPress={() => {
                close();
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </div>
        </>
      )}
    </Modal>
  );
}
