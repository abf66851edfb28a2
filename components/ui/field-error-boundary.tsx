"use client";

import { Component, type ReactNode } from "react";

/**
 * Contains a crash to the one field that had it: the rest of the form stays mounted, so
 * everything typed elsewhere is kept. "Try again" re-renders just this field.
 */
export class FieldErrorBoundary extends Component<{ label: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-800 ring-1 ring-red-600/20">
        {this.props.label} could not be shown; the rest of the form is kept.{" "}
        <button type="button" className="font-medium underline" onClick={() => this.setState({ failed: false })}>
          Try again
        </button>
      </div>
    );
  }
}
