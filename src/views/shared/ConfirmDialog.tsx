import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useId, useRef } from 'react';
import type { CommandResult } from '../../hooks/use-commands';
import { ActionButton } from './ActionButton';

type Props = {
  /** The question, naming what happens: "End the breakout for everyone?" */
  title: string;
  /** What it does to other people, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** The confirm button is red: it ends or closes something for other people. */
  danger?: boolean;
  /** Closes the dialog once it worked; a failure stays in the panel's alert, the dialog open. */
  onConfirm: () => Promise<CommandResult>;
  onClose: () => void;
};

const FOCUSABLE =
  'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal confirmation over the panel. The keyboard stays inside it (Tab and Shift+Tab go round
 * its buttons), Escape cancels, and focus goes back to whatever opened it. The safe choice has
 * focus first, so a stray Enter never ends anything.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger = false,
  onConfirm,
  onClose,
}: Props) {
  const titleId = useId();
  const bodyId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement;
    cancel.current?.focus();
    return () => {
      // Back where the user was, if that control is still there (a closed room has fewer).
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const confirm = useCallback(async () => {
    const result = await onConfirm();
    if (result.ok) onClose();
  }, [onConfirm, onClose]);

  const keepFocusInside = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
        return;
      }
      if (event.key !== 'Tab' || !dialog.current) return;
      const targets = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = targets[0];
      const last = targets[targets.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    },
    [onClose],
  );

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="dialog"
        onKeyDown={keepFocusInside}
      >
        <h2 id={titleId} className="h4">
          {title}
        </h2>
        <div id={bodyId} className="p-medium">
          {children}
        </div>
        <div className="dialog-actions">
          <button
            ref={cancel}
            type="button"
            className="button button-secondary button-small"
            onClick={onClose}
          >
            {cancelLabel}
          </button>
          <ActionButton small variant={danger ? 'danger' : 'primary'} onClick={confirm}>
            {confirmLabel}
          </ActionButton>
        </div>
      </div>
    </div>
  );
}
