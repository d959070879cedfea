import type { ReactNode } from 'react';
import { AgencyChart } from './AgencyChart';
import { AgencyTable } from './AgencyTable';
import { Controls } from './Controls';
import { KpiCards } from './KpiCards';

/** `chartActions` / `tableActions`: optional tools (e.g. export menus) shown just above the chart / table. */
export function Dashboard({
  chartActions,
  tableActions,
}: {
  chartActions?: ReactNode;
  tableActions?: ReactNode;
}) {
  return (
    <>
      <Controls />
      <KpiCards />
      {chartActions && <div className="panel-actions">{chartActions}</div>}
      <AgencyChart />
      {tableActions && <div className="panel-actions">{tableActions}</div>}
      <AgencyTable />
    </>
  );
}
