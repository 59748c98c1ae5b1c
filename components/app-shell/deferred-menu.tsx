'use client';

import * as React from 'react';

// The app shell's menus (account, notifications, theme, the mobile navigation sheet) are Radix
// dropdowns and a Radix dialog: about 37 kB of compressed JavaScript (menu, popper and
// floating-ui, focus scope, scroll lock…) that every signed-in page would load and hydrate before
// anyone opens a menu. Until then the shell renders only their trigger, a plain button with the
// same name, look and ARIA state; the menu's code is fetched when the pointer comes near the
// button or it gets focus, and the menu opens on first use, the same way Radix opens it:
// pointer down, Enter, Space or ArrowDown for a dropdown, click (Enter, Space) for the sheet.
// From then on the Radix component stays mounted (docs/decisions/008-performance.md).

/** How the menu was first opened: a keyboard user lands on its first item, as with Radix. */
export type OpenedBy = 'pointer' | 'keyboard';

/** What a deferred menu's loaded component receives besides its own props. */
export type LoadedMenuProps = {
  /** How the user opened it: the component mounts open. */
  openedBy: OpenedBy;
  /** The trigger button to render (asChild) as the Radix trigger: the same element as before. */
  trigger: React.ReactElement;
};

type DeferredMenuProps<P> = {
  /** Loads the real menu; a module-level function, so the chunk is requested once. */
  load: () => Promise<React.ComponentType<P & LoadedMenuProps>>;
  props: P;
  /** The trigger: a button element (its accessible name included). */
  trigger: React.ReactElement<React.ComponentProps<'button'>>;
  /** `menu`: a dropdown (opens on pointer down, Enter, Space, ArrowDown); `dialog`: opens on click. */
  popup: 'menu' | 'dialog';
};

type Loaded<P> = { Menu: React.ComponentType<P & LoadedMenuProps>; openedBy: OpenedBy };

export function DeferredMenu<P extends object>({ load, props, trigger, popup }: DeferredMenuProps<P>) {
  const [loaded, setLoaded] = React.useState<Loaded<P> | null>(null);
  const [pending, setPending] = React.useState(false);
  const request = React.useRef<Promise<Loaded<P>['Menu']> | null>(null);
  const opening = React.useRef(false);

  const preload = React.useCallback(() => {
    // A failed download (offline) is forgotten, so the next interaction tries again.
    request.current ??= load().catch((error: unknown) => {
      request.current = null;
      throw error;
    });
    return request.current;
  }, [load]);

  const open = (openedBy: OpenedBy) => {
    if (opening.current) return;
    opening.current = true;
    setPending(true);
    preload().then(
      (Menu) => setLoaded({ Menu, openedBy }),
      () => {
        opening.current = false;
        setPending(false);
      },
    );
  };

  if (loaded) {
    const { Menu, openedBy } = loaded;
    return <Menu {...props} openedBy={openedBy} trigger={trigger} />;
  }

  const own = trigger.props;
  return React.cloneElement(trigger, {
    type: 'button',
    'aria-haspopup': popup,
    'aria-expanded': false,
    'aria-busy': pending || undefined,
    'data-state': 'closed',
    onPointerEnter: (event: React.PointerEvent<HTMLButtonElement>) => {
      own.onPointerEnter?.(event);
      void preload().catch(() => {});
    },
    onFocus: (event: React.FocusEvent<HTMLButtonElement>) => {
      own.onFocus?.(event);
      void preload().catch(() => {});
    },
    onPointerDown: (event: React.PointerEvent<HTMLButtonElement>) => {
      own.onPointerDown?.(event);
      // Radix opens a dropdown on pointer down (main button, no Ctrl) and keeps the focus where it is.
      if (popup === 'menu' && event.button === 0 && !event.ctrlKey) {
        event.preventDefault();
        open('pointer');
      }
    },
    onKeyDown: (event: React.KeyboardEvent<HTMLButtonElement>) => {
      own.onKeyDown?.(event);
      if (popup === 'menu' && event.key === 'ArrowDown') {
        event.preventDefault();
        open('keyboard');
      }
    },
    onClick: (event: React.MouseEvent<HTMLButtonElement>) => {
      own.onClick?.(event);
      // Enter and Space click a button with detail 0 (so does a screen reader's activation).
      open(event.detail === 0 ? 'keyboard' : 'pointer');
    },
  } as Partial<React.ComponentProps<'button'>> & Record<`data-${string}`, string>);
}

/**
 * Props for the loaded dropdown's content: on its first opening by keyboard, focus its first
 * item. Radix does that itself once its menu root has seen a key press, which it could not here:
 * the key press that opened the menu came before its code. Radix Menu's content passes
 * `onOpenAutoFocus` (its focus scope's mount hook) through to its implementation but does not
 * declare it for DropdownMenu.Content, hence the untyped spread (radix-ui 1.8.1; the e2e test
 * "the shell's menus open by keyboard before their code is loaded" would catch a change).
 */
export function useFirstItemFocus(openedBy: OpenedBy): object {
  const first = React.useRef(true);
  const onOpenAutoFocus = React.useCallback(
    (event: Event) => {
      if (!first.current) return;
      first.current = false;
      if (openedBy !== 'keyboard') return;
      const content = event.currentTarget instanceof HTMLElement ? event.currentTarget : null;
      const item = content?.querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])');
      if (item) {
        event.preventDefault();
        item.focus({ preventScroll: true });
      }
    },
    [openedBy],
  );
  return { onOpenAutoFocus };
}
