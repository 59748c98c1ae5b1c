"use client";

import * as React from "react";
import type { ToasterProps } from "sonner";

import { whenToastNeeded } from "./toast";

// sonner's toaster is loaded with the first toast (./toast.ts), not with every page.
const loadToaster = () => import("./sonner-toaster").then((m) => m.Toaster);

function Toaster(props: ToasterProps) {
  const [Loaded, setLoaded] = React.useState<React.ComponentType<ToasterProps> | null>(null);
  React.useEffect(
    () =>
      whenToastNeeded(() => {
        loadToaster().then(
          (component) => setLoaded(() => component),
          () => {},
        );
      }),
    [],
  );
  return Loaded ? <Loaded {...props} /> : null;
}

export { Toaster };
