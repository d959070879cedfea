import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface State {
  error: Error | null;
}

/** A view that fails to render shows an inline message in the user's language, not a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (this.state.error)
      return <ViewError detail={this.state.error.message} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}

function ViewError({ detail, onRetry }: { detail: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice-error" data-testid="view-error">
      {t('shell.viewError', { detail })}{' '}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('shell.retry')}
        </button>
      )}
    </div>
  );
}
