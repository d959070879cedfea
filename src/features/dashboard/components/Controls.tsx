import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DENOMINATORS, KPIS, TARGET_PRESETS, isDenominator, type Kpi } from '../../../p3dn/metrics';
import { BASES } from '../../../p3dn/metrics';
import { useViewStore } from '../../../stores/view-store';

/** KPI, denominator and targets: everything that changes what a share means, in one visible row. */
export function Controls() {
  const { t } = useTranslation();
  const { kpi, denominator, targets, basis, setKpi, setDenominator, setTargets, setBasis } = useViewStore();
  return (
    <section className="panel controls" aria-label={t('controls.kpi')}>
      <fieldset>
        <legend>{t('basis.label')}</legend>
        <div className="segmented" role="radiogroup" data-testid="basis-switch">
          {BASES.map((b) => (
            <label key={b} className={basis === b ? 'active' : ''}>
              <input type="radio" name="basis" value={b} checked={basis === b} onChange={() => setBasis(b)} />
              {t(`basis.${b}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('controls.kpi')}</legend>
        <div className="segmented" role="radiogroup">
          {KPIS.map((k) => (
            <label key={k} className={kpi === k ? 'active' : ''}>
              <input type="radio" name="kpi" value={k} checked={kpi === k} onChange={() => setKpi(k)} />
              {t(`kpi.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="denominator">{t('controls.denominator')}</label>
        <select
          id="denominator"
          value={denominator}
          onChange={(e) => {
            if (isDenominator(e.target.value)) setDenominator(e.target.value);
          }}
        >
          {DENOMINATORS.map((d) => (
            <option key={d} value={d}>
              {t(`den.${d}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('controls.targets')}</legend>
        <div className="targets">
          {KPIS.map((k) => (
            <TargetInput
              key={k}
              kpi={k}
              value={targets[k]}
              onChange={(v) => setTargets({ ...targets, [k]: v })}
            />
          ))}
          <button type="button" onClick={() => setTargets(TARGET_PRESETS.p40)}>
            {t('controls.preset40')}
          </button>
          <button type="button" onClick={() => setTargets(TARGET_PRESETS.pdn95)}>
            {t('controls.preset95')}
          </button>
        </div>
      </fieldset>
    </section>
  );
}

function TargetInput({ kpi, value, onChange }: { kpi: Kpi; value: number; onChange: (v: number) => void }) {
  const { t } = useTranslation();
  const pct = Math.round(value * 1000) / 10;
  const [text, setText] = useState(String(pct));
  // Show what the user typed while it means the stored target (or is being typed); else the stored target.
  const typed = Number(text.replace(',', '.'));
  const shown = text === '' || Math.abs(typed / 100 - value) < 1e-9 ? text : String(pct);
  const id = `target-${kpi}`;
  return (
    <span className="field">
      <label htmlFor={id}>{t(kpi === 'pdn' ? 'controls.targetPdn' : 'controls.targetUmk')}</label>
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
