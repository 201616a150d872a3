// Last line of defence: a crash in one page shows an honest message instead of a blank screen.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Page crashed', error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: string }): void {
    // Navigating elsewhere gives the next page a fresh start.
    if (this.state.error !== null && prev.resetKey !== this.props.resetKey)
      this.setState({ error: null });
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="banner banner--error" role="alert">
        <div>
          <strong>This page ran into a problem</strong>
          <p>
            Reload to try again. If it happens again, tell us what you were doing:{' '}
            {this.state.error.message}
          </p>
        </div>
        <button
          type="button"
          className="btn btn--secondary btn--small"
          onClick={() => window.location.reload()}
        >
          Reload
        </button>
      </div>
    );
  }
}
