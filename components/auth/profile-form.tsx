'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from '@/components/ui/toast';
import { updateProfileAction } from '@/app/(portal)/settings/actions';
import { Form } from '@/components/ui/form';
import { profileSchema, type ProfileInput } from '@/lib/validation/auth';
import { RootError, showResult, SubmitButton, TextField } from './form-parts';

export function ProfileForm({ defaults }: { defaults: { name: string; company: string } }) {
  const form = useForm<ProfileInput>({
    resolver: zodResolver(profileSchema, undefined, { raw: true }),
    defaultValues: defaults,
  });

  async function onSubmit(values: ProfileInput) {
    const result = await updateProfileAction(values);
    if (showResult(form, result) && result.ok) {
      toast.success(result.message ?? 'Saved.');
      form.reset(values);
    }
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
        <RootError form={form} />
        <TextField form={form} name="name" label="Name" autoComplete="name" />
        <TextField form={form} name="company" label="Company" autoComplete="organization" />
        <div>
          <SubmitButton pending={form.formState.isSubmitting}>Save changes</SubmitButton>
        </div>
      </form>
    </Form>
  );
}
