'use client';

import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/auth/form-parts';
import { Form } from '@/components/ui/form';
import { updateClientAction } from '@/app/admin/clients/[id]/actions';
import { updateClientSchema } from '@/lib/validation/admin';
import { applyResult } from './form-result';
import { FormRootError } from './form-error';

type Values = { clientId: string; email: string; name: string; company: string };
const FIELDS = ['email', 'name', 'company'] as const;

/** Edit a client's name, company and email (a new email must be confirmed by the client). */
export function ClientEditForm({
  client,
}: {
  client: { id: string; email: string; name: string | null; company: string | null };
}) {
  const defaults: Values = {
    clientId: client.id,
    email: client.email,
    name: client.name ?? '',
    company: client.company ?? '',
  };
  const form = useForm<Values>({
    resolver: zodResolver(updateClientSchema, undefined, { raw: true }) as unknown as Resolver<Values>,
    defaultValues: defaults,
  });

  async function onSubmit(values: Values) {
    const result = await updateClientAction(values);
    if (applyResult(form, result, FIELDS)) form.reset(values);
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate aria-label="Client details">
        <FormRootError form={form} />
        <TextField form={form} name="name" label="Name" autoComplete="off" />
        <TextField form={form} name="company" label="Company" autoComplete="off" />
        <TextField
          form={form}
          name="email"
          label="Email"
          type="email"
          autoComplete="off"
          description="A new address must be confirmed: the client is signed out and gets a verification link there."
        />
        <div>
          <Button type="submit" disabled={form.formState.isSubmitting || !form.formState.isDirty}>
            {form.formState.isSubmitting ? 'Saving…' : 'Save changes'}
          </Button>
        </div>
      </form>
    </Form>
  );
}
