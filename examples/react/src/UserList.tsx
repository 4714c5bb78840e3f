/** Users, ten a page, with the page in component state; the previous page stays on screen while the next loads. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { q } from "./api.js";
import { Problem } from "./Problem.js";

const PAGE = 10;

export function UserList() {
  const [offset, setOffset] = useState(0);
  const { data, error, isPending, refetch } = useQuery({
    ...q.users.list({ offset, limit: PAGE }),
    placeholderData: keepPreviousData,
  });
  if (isPending) return <p>Loading users…</p>;
  if (error) return <Problem error={error} retry={() => void refetch()} />;
  return (
    <nav aria-label="users">
      <ul>
        {data.users.map((user) => (
          <li key={user.id}>
            <a href={`#/users/${user.id}`}>{user.name ?? `Visitor ${user.id}`}</a>
          </li>
        ))}
      </ul>
      <button type="button" disabled={offset === 0} onClick={() => setOffset(offset - PAGE)}>
        Previous
      </button>
      <span>
        {" "}
        {offset + 1}–{offset + data.users.length} of {data.total}{" "}
      </span>
      <button type="button" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
        Next
      </button>
    </nav>
  );
}
