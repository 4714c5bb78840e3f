/** Type-level behaviour of the generated types: the message union narrows on `sender_type`. */
import { describe, expectTypeOf, it } from "vitest";
import type { components, operations, paths } from "../../generated/schema.js";

type Message = components["schemas"]["Message"];

describe("generated types", () => {
  it("narrows a message on sender_type", () => {
    const message = {} as Message;
    if (message.sender_type === "operator") {
      expectTypeOf(message.sender).toEqualTypeOf<components["schemas"]["OperatorSender"]>();
      expectTypeOf(message.sender.forename).toEqualTypeOf<string>();
      expectTypeOf(message.sender.picture_thumb_url).toEqualTypeOf<string | null>();
    } else {
      expectTypeOf(message.sender_type).toEqualTypeOf<"user">();
      expectTypeOf(message.sender).toEqualTypeOf<components["schemas"]["UserSender"]>();
      // @ts-expect-error a user sender has no forename
      void message.sender.forename;
    }
  });

  it("types nullable fields as null unions", () => {
    expectTypeOf<components["schemas"]["User"]["name"]>().toEqualTypeOf<string | null>();
    expectTypeOf<components["schemas"]["Message"]["file_url"]>().toEqualTypeOf<string | null>();
    expectTypeOf<components["schemas"]["User"]["id"]>().toEqualTypeOf<number>();
  });

  it("types the paths and their parameters", () => {
    expectTypeOf<keyof paths>().toEqualTypeOf<
      "/users" | "/users/{id}" | "/users/{user_id}/messages" | "/users/{user_id}/messages/{id}"
    >();
    expectTypeOf<NonNullable<operations["listUsers"]["parameters"]["query"]>>().toEqualTypeOf<{
      offset?: number;
      limit?: number;
    }>();
  });
});
