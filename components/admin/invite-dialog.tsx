'use client';

import { useState, type ReactNode } from 'react';
import { useForm, type DefaultValues, type Resolver, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { UserPlusIcon } from 'lucide-react';
import type { ZodType } from 'zod';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Form } from '@/components/ui/form';
import type { ActionResult } from '@/lib/action-result';
import { applyResult } from './form-result';
import { FormRootError } from './form-error';

type InviteValues = { email: string; name: string } & Record<string, string>;

/**
 * The invitation dialog shared by "New client" and "Invite staff": the same form life cycle
 * (validate with the action's own schema, show its answer, close on success); each caller
 * supplies its fields.
 */
export function InviteDialog<V extends InviteValues>({
  triggerLabel,
  title,
  schema,
  defaultValues,
  action,
  children,
}: {
  triggerLabel: string;
  title: string;
  schema: ZodType;
  defaultValues: V;
  action: (values: V) => Promise<ActionResult<unknown>>;
  children: (form: UseFormReturn<V>) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const form = useForm<V>({
    resolver: zodResolver(schema as never, undefined, { raw: true }) as unknown as Resolver<V>,
    defaultValues: defaultValues as DefaultValues<V>,
  });

  async function onSubmit(values: V) {
    const result = await action(values);
    if (applyResult(form, result, Object.keys(defaultValues))) {
      form.reset();
      setOpen(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <UserPlusIcon aria-hidden="true" />
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>They get an email with a link to choose a password (valid for 7 days).</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
            <FormRootError form={form} />
            {children(form)}
            <DialogFooter>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? 'Sending…' : 'Send invitation'}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
