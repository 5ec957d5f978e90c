import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode, RefObject } from 'react';
import { cn } from '../lib/cn';

export interface FullScreenProps {
  title: string;
  description: string | undefined;
  /** Called when the dialog asks to close (Escape, Close, a click outside). */
  onClose: () => void;
  /** The close button's text. */
  closeLabel: string;
  /** The card's theme mode: the portal leaves the provider's subtree, so the dialog carries it itself. */
  mode: 'light' | 'dark';
  /** Gets focus back when the dialog closes. */
  returnFocus: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/** The card's full-screen view, a Radix Dialog, loaded with the card's other extras (see extras.ts). */
export function FullScreen({ title, description, onClose, closeLabel, returnFocus, mode, children }: FullScreenProps) {
  return (
    <Dialog.Root open onOpenChange={(open) => open || onClose()}>
      <Dialog.Portal>
        {/* The portal leaves the provider's subtree: it carries the mode itself. */}
        <div data-theme={mode} className={cn(mode === 'dark' && 'dark')}>
          <Dialog.Overlay className="ip:fixed ip:inset-0 ip:bg-black/50" />
          <Dialog.Content
            data-slot="chart-card-fullscreen"
            className="ip:fixed ip:inset-4 ip:flex ip:flex-col ip:gap-3 ip:rounded-ip-lg ip:bg-ip-surface ip:p-6 ip:font-ip-sans ip:text-ip-on-surface ip:shadow-xl"
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              returnFocus.current?.focus();
            }}
            {...(description ? {} : { 'aria-describedby': undefined })}
          >
            <div
              data-slot="chart-card-fullscreen-header"
              className="ip:flex ip:items-start ip:justify-between ip:gap-2"
            >
              <div>
                <Dialog.Title
                  data-slot="chart-card-fullscreen-title"
                  className="ip:m-0 ip:text-ip-xl ip:font-ip-semibold"
                >
                  {title}
                </Dialog.Title>
                {description && (
                  <Dialog.Description className="ip:m-0 ip:mt-1 ip:text-ip-sm ip:text-ip-on-surface-variant">
                    {description}
                  </Dialog.Description>
                )}
              </div>
              <Dialog.Close
                data-slot="chart-card-fullscreen-close"
                className="ip:cursor-pointer ip:rounded-ip-md ip:border ip:border-solid ip:border-ip-outline ip:bg-transparent ip:px-3 ip:py-1 ip:text-ip-on-surface ip:hover:bg-ip-surface-variant ip:focus-visible:outline-2 ip:focus-visible:outline-ip-primary"
              >
                {closeLabel}
              </Dialog.Close>
            </div>
            <div data-slot="chart-card-fullscreen-body" className="ip:min-h-0 ip:flex-1">
              {children}
            </div>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
