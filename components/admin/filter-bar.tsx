import type { ReactNode } from 'react';
import Form from 'next/form';
import { SearchIcon } from 'lucide-react';
import { NativeSelect } from '@/components/app-shell/native-select';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/utils';

// The filter bars of the staff list pages: a GET form (works without JavaScript; next/form keeps
// it a client-side navigation when scripts run), labelled fields, one "Apply" button.

export type FilterOption = { value: string; label: string };

export function FilterBar({ action, className, children }: { action: string; className?: string; children: ReactNode }) {
  return (
    <Form action={action} role="search" className={cn('mb-4 grid gap-3 sm:grid-cols-2', className)}>
      {children}
      <div className="self-end">
        <Button type="submit" variant="secondary">
          <SearchIcon aria-hidden="true" />
          Apply
        </Button>
      </div>
    </Form>
  );
}

/** A labelled native select; `any` is the first, empty-valued choice ("All clients"). */
export function SelectFilter({
  id,
  name,
  label,
  value,
  options,
  any,
  className,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: readonly FilterOption[];
  any?: string;
  className?: string;
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name={name} defaultValue={value ?? ''} className={className}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

/** A labelled text, search or date input; `describedBy` names a note about it elsewhere on the page. */
export function InputFilter({
  id,
  name,
  label,
  value,
  type = 'text',
  placeholder,
  maxLength,
  describedBy,
  className,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  type?: 'text' | 'search' | 'date';
  placeholder?: string;
  maxLength?: number;
  describedBy?: string;
  className?: string;
}) {
  return (
    <div className={cn('grid gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={name}
        type={type}
        defaultValue={value ?? ''}
        placeholder={placeholder}
        maxLength={maxLength}
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** Options from a list of values and their labels. */
export function optionsOf<T extends string>(values: readonly T[], labels?: Record<T, string>): FilterOption[] {
  return values.map((v) => ({ value: v, label: labels ? labels[v] : v }));
}
