/**
 * A chat opened at its newest messages: `start: "newest"` makes the first page the last one, and each next page the
 * messages before it. Pages are shown in reverse, oldest at the top; scrolling to the top (or the button) loads the
 * page before.
 */

import type { Message } from "@signalzen/api";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useLayoutEffect, useRef } from "react";
import { q } from "./api.js";
import { Problem } from "./Problem.js";

function sender(message: Message): string {
  return message.sender_type === "operator" ? message.sender.forename : (message.sender.name ?? "Visitor");
}

export function Chat({ userId }: { userId: number }) {
  const { data, error, isPending, hasNextPage, fetchNextPage, isFetchingNextPage } = useInfiniteQuery(
    q.messages.infinite(userId, { limit: 20, start: "newest" }),
  );
  const scroller = useRef<HTMLOListElement>(null);
  const fromBottom = useRef(0);
  const pages = data?.pages.length ?? 0;
  // Keep the reader's place when older messages are added above; at first, that place is the bottom.
  useLayoutEffect(() => {
    const list = scroller.current;
    if (list && pages > 0) list.scrollTop = list.scrollHeight - fromBottom.current - list.clientHeight;
  }, [pages]);

  if (isPending) return <p>Loading chat…</p>;
  if (error) return <Problem error={error} />;
  const messages = data.pages.toReversed().flatMap((page) => page.messages);
  const loadOlder = () => {
    const list = scroller.current;
    if (list) fromBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight;
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  };
  return (
    <section aria-label="chat">
      <p>
        {messages.length} of {data.pages[0]!.total} messages{" "}
        {hasNextPage && (
          <button type="button" onClick={loadOlder} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? "Loading older messages…" : "Load older messages"}
          </button>
        )}
      </p>
      <ol
        ref={scroller}
        style={{ height: 320, overflowY: "auto" }}
        onScroll={(event) => event.currentTarget.scrollTop < 40 && loadOlder()}
      >
        {messages.map((message) => (
          <li key={message.id} data-id={message.id}>
            <b>{sender(message)}:</b> {message.body ?? message.file_url}
          </li>
        ))}
      </ol>
    </section>
  );
}
