import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../lib/format';
import { useDatasetStore } from '../../../stores/dataset-store';
import { navigate } from '../../../stores/route-store';
import { useViewStore } from '../../../stores/view-store';
import { installBenchHook } from '../api/bench-hook';
import { importPending, prepareFiles, type Progress } from '../api/import-files';
import { formatBytes } from '../lib/format-bytes';
import { missingMappings, usePendingStore } from '../lib/pending';
import { registerFilePicker } from '../lib/picker';
import { ImportReport } from './ImportReport';
import { PendingFileCard } from './PendingFileCard';
import './import.css';

/** Drop zone and file picker; dropped files are reviewed (kind, mapping), then imported with a report each. */
export function ImportPanel() {
  const { t } = useTranslation();
  const busy = useDatasetStore((s) => s.busy);
  const notices = useDatasetStore((s) => s.notices);
  const clear = useDatasetStore((s) => s.clearNotices);
  const pending = usePendingStore((s) => s.files);
  const clearPending = usePendingStore((s) => s.clear);
  const [over, setOver] = useState(false);
  const [preparing, setPreparing] = useState<Progress | null>(null);
  const [mode, setMode] = useState<'replace' | 'add'>('replace');
  const [progress, setProgress] = useState<Progress | null>(null);
  // Two controllers: files dropped while an import runs are prepared with their own, so the running import's
  // Cancel keeps cancelling it.
  const prepareAbort = useRef<AbortController | null>(null);
  const importAbort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const working = busy !== null || progress !== null || preparing !== null;
  // A file whose kind needs columns that are not mapped yet cannot be loaded: the user maps them first.
  const blocked = pending.some((f) => missingMappings(f).length > 0);
  useEffect(installBenchHook, []);
  useEffect(() => {
    registerFilePicker(input.current);
    return () => registerFilePicker(null);
  }, []);

  const take = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    // Files chosen from anywhere (the header's "Muat data") are reviewed on the Data view.
    navigate('data');
    const ctl = new AbortController();
    prepareAbort.current = ctl;
    const files = Array.from(list);
    setPreparing({
      name: files[0]?.name ?? '',
      index: 0,
      total: files.length,
      stage: 'mempersiapkan',
      sizeBytes: files[0]?.size ?? 0,
      bytesRead: null,
      startedAt: Date.now(),
    });
    void prepareFiles(files, { signal: ctl.signal, onProgress: setPreparing }).finally(() => {
      if (prepareAbort.current === ctl) prepareAbort.current = null;
      setPreparing(null);
    });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };
  const start = () => {
    const files = usePendingStore.getState().files;
    clearPending();
    const ctl = new AbortController();
    importAbort.current = ctl;
    void importPending(files, { mode, signal: ctl.signal, onProgress: setProgress }).finally(() => {
      if (importAbort.current === ctl) importAbort.current = null;
      setProgress(null);
    });
  };

  return (
    <section className="panel import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <div
        className={`dropzone${over ? ' dropzone-over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span>{t('importer.drop')} </span>
        <button
          type="button"
          className="link-button"
          onClick={() => input.current?.click()}
          disabled={working}
        >
          {t('import.choose')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="file-input"
          aria-label={t('import.choose')}
          className="visually-hidden"
          onChange={(e) => {
            take(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
        <p className="muted small">
          {t('importer.accepted')} {t('import.replacesSample')}
        </p>
      </div>
      {preparing && <ProgressLine progress={preparing} onCancel={() => prepareAbort.current?.abort()} />}
      {pending.length > 0 && !working && (
        <div className="pending" data-testid="pending">
          <h3>{t('importer.reviewHeading')}</h3>
          <p className="muted small">{t('importer.reviewIntro')}</p>
          <ul className="pending-list">
            {pending.map((f) => (
              <PendingFileCard key={f.key} file={f} />
            ))}
          </ul>
          <fieldset className="mode">
            <legend>{t('importer.modeLabel')}</legend>
            <label>
              <input
                type="radio"
                name="import-mode"
                value="replace"
                checked={mode === 'replace'}
                onChange={() => setMode('replace')}
              />{' '}
              {t('importer.modeReplace')}
            </label>{' '}
            <label>
              <input
                type="radio"
                name="import-mode"
                value="add"
                checked={mode === 'add'}
                onChange={() => setMode('add')}
                data-testid="mode-add"
              />{' '}
              {t('importer.modeAdd')}
            </label>
          </fieldset>
          {blocked && (
            <p className="notice-error-text small" data-testid="import-blocked" id="import-blocked">
              {t('importer.blocked')}
            </p>
          )}
          <button
            type="button"
            className="primary"
            data-testid="import-confirm"
            onClick={start}
            disabled={blocked}
            aria-describedby={blocked ? 'import-blocked' : undefined}
          >
            {t('importer.confirm', { count: pending.length })}
          </button>{' '}
          <button type="button" className="link-button" onClick={clearPending}>
            {t('importer.cancelReview')}
          </button>
        </div>
      )}
      {progress && <ProgressLine progress={progress} onCancel={() => importAbort.current?.abort()} />}
      {notices.length > 0 && (
        <div className="notices">
          <ul>
            {notices.map((n) => (
              <ImportReport key={n.id} notice={n} />
            ))}
          </ul>
          <button type="button" className="link-button" onClick={clear}>
            {t('import.dismiss')}
          </button>
        </div>
      )}
    </section>
  );
}

/** What the byte count of a stage counts: read by DuckDB, transcoded to UTF-8, or hashed. */
function bytesDone(stage: Progress['stage']) {
  return stage === 'transkode'
    ? 'importer.bytesDone.transkode'
    : stage === 'checksum'
      ? 'importer.bytesDone.checksum'
      : 'importer.bytesDone.read';
}

function bytesBar(stage: Progress['stage']) {
  return stage === 'transkode'
    ? 'importer.bytesBarTranskode'
    : stage === 'checksum'
      ? 'importer.bytesBarChecksum'
      : 'importer.bytesBar';
}

function ProgressLine({ progress, onCancel }: { progress: Progress; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang: Lang = useViewStore((s) => s.lang);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, []);
  return (
    <p
      role="status"
      className="busy"
      data-testid="import-progress"
      data-stage={progress.stage}
      data-bytes-read={progress.bytesRead ?? ''}
    >
      {t(progress.bytesRead === null ? 'importer.progress' : 'importer.progressBytes', {
        name: progress.name,
        index: progress.index + 1,
        total: progress.total,
        stage: t(`importer.stage.${progress.stage}`),
        size: formatBytes(progress.sizeBytes, lang),
        read: formatBytes(progress.bytesRead ?? 0, lang),
        done: t(bytesDone(progress.stage)),
        elapsed: Math.max(0, Math.round((now - progress.startedAt) / 1000)),
      })}{' '}
      {progress.bytesRead !== null && (
        <progress
          max={progress.sizeBytes}
          value={progress.bytesRead}
          aria-label={t(bytesBar(progress.stage))}
          className="import-bytes"
        />
      )}{' '}
      <button type="button" className="link-button" data-testid="import-cancel" onClick={onCancel}>
        {t('importer.cancel')}
      </button>
    </p>
  );
}
