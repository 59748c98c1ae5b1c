'use client';

import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { toast } from '@/components/ui/toast';

import type { ActionResult } from '@/lib/action-result';
import { PROJECT_TYPE_LABELS } from '@/lib/format';
import { PROJECT_TYPES, projectRequestSchema, type ProjectRequestFormValues } from '@/lib/validation/projects';
import { Button } from '@/components/ui/button';
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { NativeSelect } from '@/components/app-shell/native-select';
import { showFieldErrors } from '@/lib/form-errors';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

type ProjectRequestFormProps = {
  action: (input: ProjectRequestFormValues) => Promise<ActionResult<{ id: string }>>;
  /** Where to go after the request is saved (receives the project id). */
  hrefFor?: (id: string) => string;
};

const FIELDS = ['title', 'type', 'description', 'requirements', 'budget', 'startDate', 'endDate'] as const;

/** Request a project: title, type, description, requirements, optional budget and dates. */
export function ProjectRequestForm({ action, hrefFor = (id) => `/projects/${id}` }: ProjectRequestFormProps) {
  const router = useRouter();
  const form = useForm<ProjectRequestFormValues>({
    resolver: zodResolver(projectRequestSchema, undefined, { raw: true }) as unknown as Resolver<ProjectRequestFormValues>,
    defaultValues: { title: '', type: '', description: '', requirements: '', budget: '', startDate: '', endDate: '' },
  });
  const startDate = useWatch({ control: form.control, name: 'startDate' });
  const inFlight = React.useRef(false);
  const [pending, setPending] = React.useState(false);
  const submission = useIdempotencyKey();

  async function submit(values: ProjectRequestFormValues) {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    try {
      const result = await action({ ...values, idempotencyKey: submission.key });
      if (result.ok && result.data) {
        submission.renew();
        toast.success(result.message ?? 'Project requested');
        router.push(hrefFor(result.data.id));
        return;
      }
      if (!result.ok) {
        showFieldErrors(form, result.fieldErrors, FIELDS);
        form.setError('root', { message: result.error });
        toast.error(result.error);
      }
    } catch {
      form.setError('root', { message: 'The request could not be sent. Check your connection and try again.' });
      toast.error('The request could not be sent.');
    }
    inFlight.current = false;
    setPending(false);
  }
  // handleSubmit is created in the event handler, so the in-flight ref is only read there.
  const onSubmit = (e?: React.BaseSyntheticEvent) => form.handleSubmit(submit)(e);

  return (
    <Form {...form}>
      <form onSubmit={onSubmit} className="max-w-2xl space-y-5" noValidate>
        <FormField
          control={form.control}
          name="title"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Title</FormLabel>
              <FormControl>
                <Input {...field} maxLength={200} autoComplete="off" />
              </FormControl>
              <FormDescription>A name for the project, e.g. “New company website”.</FormDescription>
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
                    Choose a type…
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
                <Textarea {...field} rows={5} maxLength={10_000} size="md" />
              </FormControl>
              <FormDescription>What the project is and who it is for.</FormDescription>
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
                <Textarea {...field} rows={5} maxLength={10_000} size="md" />
              </FormControl>
              <FormDescription>Features, pages, integrations, content you already have — one per line works well.</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="budget"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Budget in £ (optional)</FormLabel>
              <FormControl>
                <Input {...field} inputMode="decimal" autoComplete="off" placeholder="e.g. 2500 or 2500.50" className="sm:max-w-60" />
              </FormControl>
              <FormDescription>In pounds, with at most two decimals.</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField
            control={form.control}
            name="startDate"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Desired start date (optional)</FormLabel>
                <FormControl>
                  <Input {...field} type="date" />
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
                <FormLabel>Desired end date (optional)</FormLabel>
                <FormControl>
                  <Input {...field} type="date" min={startDate || undefined} />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        </div>
        {form.formState.errors.root?.message ? (
          <p role="alert" className="text-sm text-destructive">
            {form.formState.errors.root.message}
          </p>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Request project'}
        </Button>
      </form>
    </Form>
  );
}
