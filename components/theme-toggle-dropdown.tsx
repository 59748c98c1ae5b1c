"use client";

import * as React from "react";
import { useTheme } from "next-themes";
import { MonitorIcon, MoonIcon, SunIcon } from "lucide-react";

import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useFirstItemFocus, type LoadedMenuProps } from "@/components/app-shell/deferred-menu";

const options = [
  { value: "light", label: "Light", Icon: SunIcon },
  { value: "dark", label: "Dark", Icon: MoonIcon },
  { value: "system", label: "System", Icon: MonitorIcon },
] as const;

/**
 * Applies a theme change with CSS transitions off, so colours switch at once instead of fading
 * element by element (what next-themes' `disableTransitionOnChange` did, without its cost at
 * every page load: components/theme-provider.tsx). The class changes in React's effect after the
 * state update; the next frame computes the new styles with transitions off, then the rule goes.
 */
function withoutTransitions(change: () => void) {
  const style = document.createElement("style");
  style.appendChild(
    document.createTextNode("*,*::before,*::after{-webkit-transition:none!important;transition:none!important}"),
  );
  document.head.appendChild(style);
  change();
  requestAnimationFrame(() => {
    void window.getComputedStyle(document.documentElement).color;
    style.remove();
  });
}

/** The theme menu, loaded by ./theme-toggle on first use; mounts open. */
function ThemeToggleDropdown({ openedBy, trigger }: LoadedMenuProps) {
  const { theme, setTheme } = useTheme();
  const firstItemFocus = useFirstItemFocus(openedBy);

  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="end" {...firstItemFocus}>
        <DropdownMenuLabel>Theme</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuRadioGroup value={theme ?? "system"} onValueChange={(value) => withoutTransitions(() => setTheme(value))}>
          {options.map(({ value, label, Icon }) => (
            <DropdownMenuRadioItem key={value} value={value}>
              <Icon aria-hidden="true" />
              {label}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export { ThemeToggleDropdown };
