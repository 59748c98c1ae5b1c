"use client";

import * as React from "react";
import { MoonIcon, SunIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { DeferredMenu } from "@/components/app-shell/deferred-menu";

// The menu (Radix) is loaded on first use: components/app-shell/deferred-menu.tsx.
const loadDropdown = () => import("./theme-toggle-dropdown").then((m) => m.ThemeToggleDropdown);

/** Menu button that switches between light, dark and system themes. */
function ThemeToggle() {
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
        >
          {/* Both icons render, one over the other; CSS picks one, so server and client markup match. */}
          <span className="relative size-[1.2rem]">
            <SunIcon className="absolute inset-0 size-full scale-100 rotate-0 transition-all dark:scale-0 dark:-rotate-90" aria-hidden="true" />
            <MoonIcon className="absolute inset-0 size-full scale-0 rotate-90 transition-all dark:scale-100 dark:rotate-0" aria-hidden="true" />
          </span>
        </Button>
      }
    />
  );
}

export { ThemeToggle };
