import { lazy, Suspense, type ComponentProps } from 'react';
import classes from './lazy-charts.module.css';

const chartsModule = () => import('./dashboard-charts');
export type { FunnelRow } from './dashboard-charts';

const LazyFunnelBars = lazy(() => chartsModule().then((m) => ({ default: m.FunnelBars })));
const LazyTrendLines = lazy(() => chartsModule().then((m) => ({ default: m.TrendLines })));

/** Holds the chart's exact height while the chart library loads, so nothing below it moves. */
function ChartPlaceholder({ height }: { height: number }) {
  return <div className={classes.placeholder} style={{ height }} aria-hidden="true" />;
}

export function FunnelBars(props: ComponentProps<typeof LazyFunnelBars>) {
  return (
    <Suspense fallback={<ChartPlaceholder height={props.height} />}>
      <LazyFunnelBars {...props} />
    </Suspense>
  );
}

export function TrendLines(props: ComponentProps<typeof LazyTrendLines>) {
  return (
    <Suspense fallback={<ChartPlaceholder height={props.height} />}>
      <LazyTrendLines {...props} />
    </Suspense>
  );
}
