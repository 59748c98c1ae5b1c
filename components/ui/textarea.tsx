import * as React from "react";

import { withClassName } from "@/lib/utils";

// The box's least height before it grows with its text: a size, not a className, so the base
// classes never need merging with a caller's (withClassName in lib/utils.ts).
const MIN_HEIGHT = { default: "min-h-16", md: "min-h-32", lg: "min-h-40" } as const;

type TextareaProps = React.ComponentProps<"textarea"> & { size?: keyof typeof MIN_HEIGHT };

function Textarea({ className, size = "default", ...props }: TextareaProps) {
  return (
    <textarea
      data-slot="textarea"
      className={withClassName(
        [
          "flex field-sizing-content w-full rounded-md border border-input bg-transparent px-3 py-2 text-base shadow-xs transition-[color,box-shadow] outline-none md:text-sm dark:bg-input/30",
          "placeholder:text-muted-foreground",
          "disabled:cursor-not-allowed disabled:opacity-50",
          "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50",
          "aria-invalid:border-destructive aria-invalid:ring-destructive/20 dark:aria-invalid:ring-destructive/40",
          MIN_HEIGHT[size],
        ],
        className,
      )}
      {...props}
    />
  );
}

export { Textarea };
