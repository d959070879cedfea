import { AgencyChart } from './AgencyChart';
import { AgencyTable } from './AgencyTable';
import { Controls } from './Controls';
import { KpiCards } from './KpiCards';

export function Dashboard() {
  return (
    <>
      <Controls />
      <KpiCards />
      <AgencyChart />
      <AgencyTable />
    </>
  );
}
