import { useTranslation } from 'react-i18next';
import { Controls } from '../../features/dashboard/components/Controls';
import { FilterBar } from '../../features/filters/components/FilterBar';
import { useViewStore } from '../../stores/view-store';

/** The measure (basis, KPI, denominator, target) and the filters, above every view that shows figures. */
export function MeasureToolbar() {
  const { t } = useTranslation();
  return (
    <section className="toolbar" aria-label={t('shell.toolbar')} data-testid="measure-toolbar">
      <Controls />
      <FilterBar />
    </section>
  );
}

/** The line every figure view starts with: what is measured, over what (basis and denominator). */
export function MeasureLine() {
  const { t } = useTranslation();
  const basis = useViewStore((s) => s.basis);
  const kpi = useViewStore((s) => s.kpi);
  const den = useViewStore((s) => s.denominator);
  const args = { basis: t(`basis.${basis}`), kpi: t(`kpi.${kpi}`), den: t(`den.short_${den}`) };
  return (
    <p className="measure-line" data-testid="measure-line" data-basis={basis} data-den={den}>
      {basis === 'capaian' ? t('shell.measureCapaian', args) : t('shell.measure', args)}
    </p>
  );
}
