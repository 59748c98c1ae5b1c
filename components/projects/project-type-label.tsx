import * as React from 'react';
import {
  AppWindowIcon,
  GlobeIcon,
  MegaphoneIcon,
  PaletteIcon,
  ShapesIcon,
  ShoppingCartIcon,
  SmartphoneIcon,
} from 'lucide-react';

import type { ProjectType } from '@/db/schema';
import { cn } from '@/lib/utils';
import { projectTypeLabel } from '@/lib/format';

const ICONS: Record<ProjectType, React.ComponentType<React.SVGProps<SVGSVGElement>>> = {
  WEBSITE: GlobeIcon,
  E_COMMERCE: ShoppingCartIcon,
  WEB_APP: AppWindowIcon,
  MOBILE_APP: SmartphoneIcon,
  BRANDING: PaletteIcon,
  MARKETING: MegaphoneIcon,
  OTHER: ShapesIcon,
};

/** "Website", "E-commerce", … with a decorative icon. */
export function ProjectTypeLabel({ type, className }: { type: ProjectType; className?: string }) {
  const Icon = ICONS[type] ?? ShapesIcon;
  return (
    <span className={cn('inline-flex items-center gap-1.5 text-sm text-muted-foreground', className)}>
      <Icon className="size-4 shrink-0" aria-hidden="true" />
      {projectTypeLabel(type)}
    </span>
  );
}
