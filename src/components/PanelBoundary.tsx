import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function PanelFailed({ name, onRetry }: { name: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div
      role="alert"
      className="notice notice-error panel-failed"
      data-testid="panel-failed"
      data-panel={name}
    >
      <span>{t('survive.panelFailed')}</span>{' '}
      <button type="button" onClick={onRetry} data-testid="panel-retry">
        {t('survive.retry')}
      </button>
    </div>
  );
}

/**
 * One view or panel of the app: when it throws while rendering, only it is replaced by a message (in the user's
 * language) with a retry, and every other panel goes on.
 */
export class PanelBoundary extends Component<
  { name: string; children: ReactNode },
  { failed: boolean; attempt: number }
> {
  override state = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<{ failed: boolean }> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.warn(`panel ${this.props.name} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed)
      return (
        <PanelFailed
          name={this.props.name}
          onRetry={() => this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }))}
        />
      );
    // A new key on retry: the panel mounts afresh instead of reusing the state it failed with.
    return <PanelKey key={this.state.attempt}>{this.props.children}</PanelKey>;
  }
}

function PanelKey({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
