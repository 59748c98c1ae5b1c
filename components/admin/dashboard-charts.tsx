'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import {
  ChartContainer,
  ChartLegend,
  ChartLegendContent,
  ChartTooltip,
  ChartTooltipContent,
  type ChartConfig,
} from '@/components/ui/chart';
import { compactCount, shortDay } from '@/lib/chart-format';

// The dashboard's charts (recharts 3 through components/ui/chart). Each bar is a way into the
// list behind it (click → the filtered list); the page also renders the same figures as links
// below every chart, so keyboard and screen-reader users get the numbers and the way in too.

export type StatusDatum = { key: string; label: string; count: number; href: string };

const PALETTE = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)'];

function configFor(data: StatusDatum[]): ChartConfig {
  const config: ChartConfig = { count: { label: 'Count' } };
  data.forEach((d, i) => {
    config[d.key] = { label: d.label, color: PALETTE[i % PALETTE.length] };
  });
  return config;
}

export function StatusBarChart({
  data,
  label,
  layout = 'horizontal',
}: {
  data: StatusDatum[];
  /** Accessible name of the chart image, e.g. "Tickets by status". */
  label: string;
  layout?: 'horizontal' | 'vertical';
}) {
  const router = useRouter();
  const config = configFor(data);
  const rows = data.map((d) => ({ ...d, fill: `var(--color-${d.key})` }));
  const go = (entry: unknown) => {
    const href = (entry as { payload?: { href?: string } } | undefined)?.payload?.href;
    if (href) router.push(href);
  };
  const summary = `${label}: ${data.map((d) => `${d.label} ${d.count}`).join(', ')}`;
  return (
    <ChartContainer config={config} className="aspect-auto h-56 w-full" role="img" aria-label={summary}>
      {layout === 'vertical' ? (
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer>
          <CartesianGrid horizontal={false} />
          <YAxis dataKey="label" type="category" tickLine={false} axisLine={false} width={88} />
          <XAxis type="number" allowDecimals={false} tickLine={false} axisLine={false} tickFormatter={compactCount} />
          <ChartTooltip cursor={false} content={<ChartTooltipContent hideLabel nameKey="key" />} />
          <Bar dataKey="count" radius={4} className="cursor-pointer" onClick={go} isAnimationActive={false} />
        </BarChart>
      ) : (
        <BarChart data={rows} margin={{ top: 8, left: -16, right: 8 }} accessibilityLayer>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="label" tickLine={false} axisLine={false} tickMargin={8} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} width={40} tickFormatter={compactCount} />
          <ChartTooltip cursor={false} content={<ChartTooltipContent hideLabel nameKey="key" />} />
          <Bar dataKey="count" radius={4} className="cursor-pointer" onClick={go} isAnimationActive={false} />
        </BarChart>
      )}
    </ChartContainer>
  );
}

export type DailyDatum = { day: string; opened: number; resolved: number };

const dailyConfig = {
  opened: { label: 'Opened', color: 'var(--chart-1)' },
  resolved: { label: 'Resolved or closed', color: 'var(--chart-2)' },
} satisfies ChartConfig;

export function DailyTicketsChart({ data }: { data: DailyDatum[] }) {
  const opened = data.reduce((n, d) => n + d.opened, 0);
  const resolved = data.reduce((n, d) => n + d.resolved, 0);
  return (
    <ChartContainer
      config={dailyConfig}
      className="aspect-auto h-64 w-full"
      role="img"
      aria-label={`Tickets per day over the last ${data.length} days: ${opened} opened, ${resolved} resolved or closed`}
    >
      <LineChart data={data} margin={{ top: 8, left: -16, right: 8 }} accessibilityLayer>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="day" tickLine={false} axisLine={false} tickMargin={8} minTickGap={24} tickFormatter={shortDay} />
        <YAxis allowDecimals={false} tickLine={false} axisLine={false} width={40} tickFormatter={compactCount} />
        <ChartTooltip content={<ChartTooltipContent labelFormatter={(_, payload) => shortDay(String(payload?.[0]?.payload?.day ?? ''))} />} />
        <ChartLegend content={<ChartLegendContent />} />
        <Line dataKey="opened" type="linear" stroke="var(--color-opened)" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line dataKey="resolved" type="linear" stroke="var(--color-resolved)" strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ChartContainer>
  );
}
