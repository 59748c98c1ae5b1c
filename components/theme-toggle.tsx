"use client";

import * as React from "react";
import { MoonIcon, SunIcon } from "lucide-react";

import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { DeferredMenu } from "@/components/app-shell/deferred-menu";

// The menu (Radix) is loaded on first use: components/app-shell/deferred-menu.tsx.
const loadDropdown = () => import("./theme-toggle-dropdown").then((m) => m.ThemeToggleDropdown);

/** Menu button that switches between light, dark and system themes. */
function ThemeToggle({ className }: { className?: string }) {
  return (
    <DeferredMenu
      popup="menu"
      load={loadDropdown}
      props={{}}
      trigger={
        <Button
          variant="ghost"
          size="icon"
          aria-label="Toggle theme"
          title="Toggle theme"
          data-slot="theme-toggle"
          className={cn("relative", className)}
        >
          {/* Both icons render; CSS picks one, so server and client markup match. */}
          <SunIcon className="size-[1.2rem] scale-100 rotate-0 transition-all dark:scale-0 dark:-rotate-90" aria-hidden="true" />
          <MoonIcon className="absolute size-[1.2rem] scale-0 rotate-90 transition-all dark:scale-100 dark:rotate-0" aria-hidden="true" />
        </Button>
      }
    />
  );
}

export { ThemeToggle };
