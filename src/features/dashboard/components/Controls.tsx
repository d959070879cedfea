import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DENOMINATORS, KPIS, TARGET_PRESETS, isDenominator, type Kpi } from '../../../p3dn/metrics';
import { BASES } from '../../../p3dn/metrics';
import { useViewStore } from '../../../stores/view-store';

/** Basis, KPI, denominator and targets: everything that changes what a share means, in one compact row. */
export function Controls() {
  const { t } = useTranslation();
  const { kpi, denominator, targets, basis, setKpi, setDenominator, setTargets, setBasis } = useViewStore();
  return (
    <div className="controls" role="group" aria-label={t('shell.toolbar')}>
      <div className="control">
        <span className="control-label" id="basis-label">
          {t('basis.label')}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="basis-label" data-testid="basis-switch">
          {BASES.map((b) => (
            <label key={b} className={basis === b ? 'active' : ''}>
              <input type="radio" name="basis" value={b} checked={basis === b} onChange={() => setBasis(b)} />
              {t(`basis.${b}`)}
            </label>
          ))}
        </div>
      </div>
      <div className="control">
        <span className="control-label" id="kpi-label">
          {t('controls.kpi')}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="kpi-label">
          {KPIS.map((k) => (
            <label key={k} className={kpi === k ? 'active' : ''}>
              <input type="radio" name="kpi" value={k} checked={kpi === k} onChange={() => setKpi(k)} />
              {t(`kpi.${k}`)}
            </label>
          ))}
        </div>
      </div>
      <div className="control">
        <label className="control-label" htmlFor="denominator">
          {t('controls.denominator')}
        </label>
        <select
          id="denominator"
          title={t(`den.${denominator}`)}
          value={denominator}
          onChange={(e) => {
            if (isDenominator(e.target.value)) setDenominator(e.target.value);
          }}
        >
          {DENOMINATORS.map((d) => (
            // Short names keep the toolbar on one line; the full name is the option's and the select's title.
            <option key={d} value={d} title={t(`den.${d}`)}>
              {capitalize(t(`den.short_${d}`))}
            </option>
          ))}
        </select>
      </div>
      <div className="control targets" role="group" aria-labelledby="targets-label">
        <span className="control-label" id="targets-label">
          {t('controls.targets')} (%)
        </span>
        {KPIS.map((k) => (
          <TargetInput
            key={k}
            kpi={k}
            value={targets[k]}
            onChange={(v) => setTargets({ ...targets, [k]: v })}
          />
        ))}
        <button type="button" className="small-button" onClick={() => setTargets(TARGET_PRESETS.p40)}>
          {t('controls.preset40')}
        </button>
        <button type="button" className="small-button" onClick={() => setTargets(TARGET_PRESETS.pdn95)}>
          {t('controls.preset95')}
        </button>
      </div>
    </div>
  );
}

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

function TargetInput({ kpi, value, onChange }: { kpi: Kpi; value: number; onChange: (v: number) => void }) {
  const { t } = useTranslation();
  const pct = Math.round(value * 1000) / 10;
  const [text, setText] = useState(String(pct));
  // Show what the user typed while it means the stored target (or is being typed); else the stored target.
  const typed = Number(text.replace(',', '.'));
  const shown = text === '' || Math.abs(typed / 100 - value) < 1e-9 ? text : String(pct);
  const id = `target-${kpi}`;
  return (
    <span className="target-field">
      {/* The full label for assistive technology; on screen the group says "Target", the field its KPI. */}
      <label htmlFor={id}>
        <span className="sr-only">{t(kpi === 'pdn' ? 'controls.targetPdn' : 'controls.targetUmk')}</span>
        <span aria-hidden="true">{t(`kpi.${kpi}`)}</span>
      </label>
      <input
        id={id}
        type="number"
        min={0}
        max={100}
        step={0.5}
        value={shown}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value.replace(',', '.'));
          if (e.target.value !== '' && Number.isFinite(v) && v >= 0 && v <= 100) onChange(v / 100);
        }}
      />
    </span>
  );
}
