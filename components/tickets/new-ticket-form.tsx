'use client';

import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { toast } from '@/components/ui/toast';

import type { ActionResult } from '@/lib/action-result';
import { createTicketSchema, DESCRIPTION_MAX, SUBJECT_MAX } from '@/lib/validation/tickets';
import { TICKET_PRIORITY_LABELS, TICKET_PRIORITY_VALUES } from '@/lib/validation/collab';
import { Button } from '@/components/ui/button';
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { NativeSelect } from '@/components/app-shell/native-select';
import { showFieldErrors } from '@/lib/form-errors';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

export type NewTicketFormValues = { subject: string; description: string; projectId: string; priority: string };

type NewTicketFormProps = {
  /** The projects the ticket may be about (the client's own). */
  projects: { id: string; title: string }[];
  defaultProjectId?: string;
  action: (input: NewTicketFormValues & { idempotencyKey?: string }) => Promise<ActionResult<{ ticketNumber: string }>>;
  /** Where to go after creating: receives the new ticket number. */
  hrefFor?: (ticketNumber: string) => string;
};

/** Subject, description and an optional project; creates the ticket and opens it. */
export function NewTicketForm({ projects, defaultProjectId = '', action, hrefFor = (n) => `/tickets/${n}` }: NewTicketFormProps) {
  const router = useRouter();
  const form = useForm<NewTicketFormValues>({
    resolver: zodResolver(createTicketSchema, undefined, { raw: true }) as unknown as Resolver<NewTicketFormValues>,
    defaultValues: {
      subject: '',
      description: '',
      projectId: projects.some((p) => p.id === defaultProjectId) ? defaultProjectId : '',
      priority: 'MEDIUM',
    },
  });
  const inFlight = React.useRef(false);
  const [pending, setPending] = React.useState(false);
  const submission = useIdempotencyKey();

  async function submit(values: NewTicketFormValues) {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    try {
      const result = await action({ ...values, idempotencyKey: submission.key });
      if (result.ok && result.data) {
        submission.renew();
        toast.success(result.message ?? `Ticket ${result.data.ticketNumber} created`);
        router.push(hrefFor(result.data.ticketNumber));
        return; // keep the button disabled while the ticket page loads
      }
      if (!result.ok) {
        showFieldErrors(form, result.fieldErrors, ['subject', 'description', 'projectId', 'priority']);
        form.setError('root', { message: result.error });
        toast.error(result.error);
      }
    } catch {
      form.setError('root', { message: 'The ticket could not be created. Check your connection and try again.' });
      toast.error('The ticket could not be created.');
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
          name="subject"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Subject</FormLabel>
              <FormControl>
                <Input {...field} maxLength={SUBJECT_MAX} autoComplete="off" />
              </FormControl>
              <FormDescription>A short summary, 3 to 200 characters.</FormDescription>
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
                <Textarea {...field} rows={8} maxLength={DESCRIPTION_MAX} size="lg" />
              </FormControl>
              <FormDescription>
                What happened, what you expected, and any links or steps that help us reproduce it (10 to 10,000 characters).
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="projectId"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Project (optional)</FormLabel>
              <FormControl>
                <NativeSelect {...field}>
                  <option value="">No particular project</option>
                  {projects.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}
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
          name="priority"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Priority</FormLabel>
              <FormControl>
                <NativeSelect {...field}>
                  {TICKET_PRIORITY_VALUES.map((p) => (
                    <option key={p} value={p}>
                      {TICKET_PRIORITY_LABELS[p]}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormDescription>Urgent: something is down or blocking you now.</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        {form.formState.errors.root?.message ? (
          <p role="alert" className="text-sm text-destructive">
            {form.formState.errors.root.message}
          </p>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create ticket'}
        </Button>
      </form>
    </Form>
  );
}
