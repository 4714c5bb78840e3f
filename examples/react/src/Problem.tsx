/** A query's error, as the user sees it. The hooks type it as the client's `SignalZenError`. */
import { APIError, type SignalZenError } from "@signalzen/api";

export function Problem({ error, retry }: { error: SignalZenError; retry?: () => void }) {
  const said = error instanceof APIError && error.status === 404 ? "Not found." : "Something went wrong.";
  return (
    <div role="alert">
      <p>
        {said} <small>{error.message}</small>
      </p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}
