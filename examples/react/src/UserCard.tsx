/** One user; a missing one is the query's `NotFoundError`, shown by `Problem`. */
import { useQuery } from "@tanstack/react-query";
import { q } from "./api.js";
import { Problem } from "./Problem.js";

export function UserCard({ id }: { id: number }) {
  const { data: user, error, isPending } = useQuery(q.users.get(id));
  if (isPending) return <p>Loading user…</p>;
  if (error) return <Problem error={error} />;
  return (
    <header>
      <h2>{user.name ?? `Visitor ${user.id}`}</h2>
      <p>{user.email ?? "no email"}</p>
    </header>
  );
}
