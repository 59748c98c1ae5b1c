"use client";

import * as React from "react";
import { Label as LabelPrimitive } from "radix-ui";

import { withClassName } from "@/lib/utils";

function Label({ className, ...props }: React.ComponentProps<typeof LabelPrimitive.Root>) {
  return (
    <LabelPrimitive.Root
      data-slot="label"
      className={withClassName(
        [
          "flex items-center gap-2 text-sm leading-none font-medium select-none",
          "group-data-[disabled=true]:pointer-events-none group-data-[disabled=true]:opacity-50 peer-disabled:cursor-not-allowed peer-disabled:opacity-50",
          // The label of a field in error (data-error="true", as FormLabel sets it).
          "data-[error=true]:text-destructive",
        ],
        className,
      )}
      {...props}
    />
  );
}

export { Label };
