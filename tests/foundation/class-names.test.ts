// The ui primitives a first page load hydrates (Button, Input, Label, Textarea, NativeSelect) join their own
// classes without tailwind-merge and merge only a caller's className (withClassName in
// lib/utils.ts). That is only right while a component's own classes never override each other:
// these tests fail when a variant, a size or a base class starts to conflict with another.
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { twMerge } from 'tailwind-merge';
import { describe, expect, it } from 'vitest';

import { NativeSelect } from '@/components/app-shell/native-select';
import { Button, buttonVariants } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { withClassName } from '@/lib/utils';

const classesOf = (element: ReactElement) => {
  const match = /class="([^"]*)"/.exec(renderToStaticMarkup(element));
  if (!match) throw new Error('rendered without a class attribute');
  return match[1].split(' ');
};

/** The classes tailwind-merge would drop: each one overridden by a later class. */
const overridden = (classes: string[]) => {
  const kept = new Set(twMerge(classes.join(' ')).split(' '));
  return classes.filter((c) => !kept.has(c));
};

describe("ui primitives' own classes", () => {
  const variants = ['default', 'destructive', 'outline', 'secondary', 'ghost', 'link'] as const;
  const sizes = ['default', 'sm', 'lg', 'icon', 'compact'] as const;

  it.each(variants.flatMap((variant) => sizes.map((size) => [variant, size] as const)))(
    'Button %s/%s has no class that overrides another',
    (variant, size) => {
      expect(overridden(buttonVariants({ variant, size }).split(' '))).toEqual([]);
    },
  );

  it.each([
    ['Button', createElement(Button, null, 'Go')],
    ['Input', createElement(Input)],
    ['Label', createElement(Label, null, 'Name')],
    ['Textarea', createElement(Textarea)],
    ['a tall Textarea', createElement(Textarea, { size: 'lg' })],
    ['NativeSelect', createElement(NativeSelect)],
  ])('%s renders classes that need no merging', (_name, element) => {
    const classes = classesOf(element);
    expect(classes.length).toBeGreaterThan(5);
    expect(overridden(classes)).toEqual([]);
  });
});

describe('a caller’s className', () => {
  it('replaces the component’s class it conflicts with', () => {
    const textarea = classesOf(createElement(Textarea, { className: 'min-h-32' }));
    expect(textarea).toContain('min-h-32');
    expect(textarea).not.toContain('min-h-16');

    const button = classesOf(createElement(Button, { size: 'sm', className: 'h-auto p-0' }, 'Go'));
    expect(button).toEqual(expect.arrayContaining(['h-auto', 'p-0']));
    expect(button).not.toContain('h-8');
    expect(button).not.toContain('px-3');
  });

  it('is added to the component’s own classes when nothing conflicts', () => {
    expect(withClassName(['flex gap-2', 'text-sm'], 'md:hidden')).toBe('flex gap-2 text-sm md:hidden');
    expect(withClassName(['flex gap-2', false, 'text-sm'])).toBe('flex gap-2 text-sm');
  });
});
