/** The app: a paged user list, a user, and that user's chat. The selected user is in the URL (`#/users/7`). */
import { useEffect, useState } from "react";
import { Chat } from "./Chat.js";
import { UserCard } from "./UserCard.js";
import { UserList } from "./UserList.js";

function selectedUser(): number | undefined {
  const match = /^#\/users\/(\d+)$/.exec(window.location.hash);
  return match ? Number(match[1]) : undefined;
}

export function App() {
  const [userId, setUserId] = useState(selectedUser);
  useEffect(() => {
    const onHashChange = () => setUserId(selectedUser());
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);
  return (
    <main>
      <UserList />
      {userId === undefined ? (
        <p>Pick a user to see their chat.</p>
      ) : (
        <section aria-label="user">
          <UserCard id={userId} />
          <Chat userId={userId} />
        </section>
      )}
    </main>
  );
}
