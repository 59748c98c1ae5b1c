'use client';

import { useState, useTransition } from 'react';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button, buttonVariants, type ButtonProps } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { applyResult } from './form-result';

/**
 * A button that runs a server action, optionally after a confirmation dialog. Disabled while the
 * action runs (it cannot run twice); the answer is shown as a toast.
 */
export function ActionButton({
  action,
  children,
  pendingText,
  confirm,
  onDone,
  ...buttonProps
}: Omit<ButtonProps, 'onClick' | 'children'> & {
  action: () => Promise<ActionResult<unknown>>;
  children: React.ReactNode;
  pendingText?: string;
  /** Ask first: title, description and the confirming button's text. */
  confirm?: { title: string; description: React.ReactNode; action: string; destructive?: boolean };
  onDone?: () => void;
}) {
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState(false);

  const run = () =>
    startTransition(async () => {
      const result = await action();
      setOpen(false);
      if (applyResult(null, result)) onDone?.();
    });

  const label = pending && pendingText ? pendingText : children;

  if (!confirm) {
    return (
      <Button type="button" {...buttonProps} disabled={pending || buttonProps.disabled} onClick={run}>
        {label}
      </Button>
    );
  }
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button type="button" {...buttonProps} disabled={pending || buttonProps.disabled}>
          {label}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{confirm.title}</AlertDialogTitle>
          <AlertDialogDescription>{confirm.description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <AlertDialogAction
            disabled={pending}
            className={confirm.destructive ? buttonVariants({ variant: 'destructive' }) : undefined}
            onClick={(e) => {
              e.preventDefault();
              run();
            }}
          >
            {pending ? (pendingText ?? 'Working…') : confirm.action}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
