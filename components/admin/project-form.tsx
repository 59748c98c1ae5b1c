'use client';

import { useRouter } from 'next/navigation';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { createProjectForClientAction } from '@/app/admin/clients/[id]/actions';
import { updateProjectAction } from '@/app/admin/projects/[id]/actions';
import { PROJECT_TYPE_LABELS } from '@/lib/format';
import { createProjectForClientSchema, PROJECT_TYPES, updateProjectSchema } from '@/lib/validation/admin';
import { applyResult } from './form-result';
import { FormRootError } from './form-error';
import { NativeSelect } from '@/components/app-shell/native-select';

export type ProjectFormValues = {
  title: string;
  type: string;
  description: string;
  requirements: string;
  budget: string;
  startDate: string;
  endDate: string;
};

type Values = ProjectFormValues & { clientId?: string; projectId?: string };

const FIELDS = ['title', 'type', 'description', 'requirements', 'budget', 'startDate', 'endDate'] as const;

export const EMPTY_PROJECT: ProjectFormValues = {
  title: '',
  type: '',
  description: '',
  requirements: '',
  budget: '',
  startDate: '',
  endDate: '',
};

type Props =
  | { mode: 'create'; clientId: string; defaults?: Partial<ProjectFormValues>; onDone?: () => void }
  | { mode: 'edit'; projectId: string; defaults: ProjectFormValues; onDone?: () => void };

/** Creates a project for a client (/admin/clients/[id]) or edits one (/admin/projects/[id]). */
export function ProjectForm(props: Props) {
  const router = useRouter();
  const resolver = (
    props.mode === 'create'
      ? zodResolver(createProjectForClientSchema, undefined, { raw: true })
      : zodResolver(updateProjectSchema, undefined, { raw: true })
  ) as unknown as Resolver<Values>;
  const form = useForm<Values>({
    resolver,
    defaultValues: {
      ...EMPTY_PROJECT,
      ...props.defaults,
      ...(props.mode === 'create' ? { clientId: props.clientId } : { projectId: props.projectId }),
    },
  });

  async function onSubmit(values: Values) {
    if (props.mode === 'create') {
      const result = await createProjectForClientAction({ ...values, clientId: props.clientId });
      if (applyResult(form, result, FIELDS)) {
        form.reset({ ...EMPTY_PROJECT, clientId: props.clientId });
        props.onDone?.();
        if (result.data?.id) router.push(`/admin/projects/${result.data.id}`);
      }
    } else {
      const result = await updateProjectAction({ ...values, projectId: props.projectId });
      if (applyResult(form, result, FIELDS)) {
        form.reset(values);
        props.onDone?.();
      }
    }
  }

  const submitting = form.formState.isSubmitting;
  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
        <FormRootError form={form} />
        <FormField
          control={form.control}
          name="title"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Title</FormLabel>
              <FormControl>
                <Input autoComplete="off" {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="type"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Type</FormLabel>
              <FormControl>
                <NativeSelect {...field}>
                  <option value="" disabled>
                    Choose a type
                  </option>
                  {PROJECT_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {PROJECT_TYPE_LABELS[t]}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="description"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Description</FormLabel>
              <FormControl>
                <Textarea rows={4} {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="requirements"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Requirements</FormLabel>
              <FormControl>
                <Textarea rows={4} {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="budget"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Budget (£)</FormLabel>
              <FormControl>
                <Input inputMode="decimal" autoComplete="off" placeholder="e.g. 2500 or 2500.50" {...field} />
              </FormControl>
              <FormDescription>Optional. Pounds, up to two decimals.</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            control={form.control}
            name="startDate"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Start date</FormLabel>
                <FormControl>
                  <Input type="date" {...field} />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={form.control}
            name="endDate"
            render={({ field }) => (
              <FormItem>
                <FormLabel>End date</FormLabel>
                <FormControl>
                  <Input type="date" {...field} />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        </div>
        <div>
          <Button type="submit" disabled={submitting || (props.mode === 'edit' && !form.formState.isDirty)}>
            {submitting ? 'Saving…' : props.mode === 'create' ? 'Create project' : 'Save changes'}
          </Button>
        </div>
      </form>
    </Form>
  );
}
