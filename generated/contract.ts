// Generated from openapi.yaml by `npm run generate`. Do not edit by hand.
// The facts about the API that code needs at run time. Types vanish at run time; these do not.
import type { BoundsFact, ErrorFact, OperationFact } from "../src/contract/fact-types.js";

export const version = "2.0.0" as const satisfies string;

export const mediaType = "application/vnd.signalzen.v1+json" as const satisfies string;

export const servers = [
  "https://api.signalzen.com/external",
  "http://127.0.0.1:4010"
] as const satisfies readonly string[];

export const operations = [
  {
    "operationId": "listUsers",
    "method": "GET",
    "path": "/users",
    "pathParams": [],
    "queryParams": [
      "offset",
      "limit"
    ],
    "statuses": [
      200,
      400,
      401,
      403,
      405,
      406,
      429,
      500,
      503
    ],
    "resource": "user",
    "listKey": "users"
  },
  {
    "operationId": "getUser",
    "method": "GET",
    "path": "/users/{id}",
    "pathParams": [
      {
        "name": "id",
        "resource": "user"
      }
    ],
    "queryParams": [],
    "statuses": [
      200,
      400,
      401,
      403,
      404,
      405,
      406,
      410,
      429,
      500,
      503
    ],
    "resource": "user",
    "listKey": null
  },
  {
    "operationId": "listUserMessages",
    "method": "GET",
    "path": "/users/{user_id}/messages",
    "pathParams": [
      {
        "name": "user_id",
        "resource": "user"
      }
    ],
    "queryParams": [
      "offset",
      "limit"
    ],
    "statuses": [
      200,
      400,
      401,
      403,
      404,
      405,
      406,
      410,
      429,
      500,
      503
    ],
    "resource": "message",
    "listKey": "messages"
  },
  {
    "operationId": "getUserMessage",
    "method": "GET",
    "path": "/users/{user_id}/messages/{id}",
    "pathParams": [
      {
        "name": "user_id",
        "resource": "user"
      },
      {
        "name": "id",
        "resource": "message"
      }
    ],
    "queryParams": [],
    "statuses": [
      200,
      400,
      401,
      403,
      404,
      405,
      406,
      410,
      429,
      500,
      503
    ],
    "resource": "message",
    "listKey": null
  }
] as const satisfies readonly OperationFact[];

export const errors = {
  "400": {
    "code": "bad_request",
    "message": "Your request is invalid.",
    "retryAfter": false
  },
  "401": {
    "code": "unauthorized",
    "message": "Your API secret key is wrong.",
    "retryAfter": false
  },
  "403": {
    "code": "forbidden",
    "message": "The request is forbidden.",
    "retryAfter": false
  },
  "404": {
    "code": "not_found",
    "message": "The specified resource could not be found.",
    "retryAfter": false
  },
  "405": {
    "code": "method_not_allowed",
    "message": "You tried to access a resource with an invalid method. Only GET is allowed.",
    "retryAfter": false
  },
  "406": {
    "code": "not_acceptable",
    "message": "You requested a format that isn't json. Send Accept: application/vnd.signalzen.v1+json.",
    "retryAfter": false
  },
  "410": {
    "code": "gone",
    "message": "The resource requested has been removed from our servers.",
    "retryAfter": false
  },
  "429": {
    "code": "too_many_requests",
    "message": "You're making too many requests! Slow down!",
    "retryAfter": true
  },
  "500": {
    "code": "internal_server_error",
    "message": "We had a problem with our server. Try again later.",
    "retryAfter": false
  },
  "503": {
    "code": "service_unavailable",
    "message": "We're temporarily offline for maintenance. Please try again later.",
    "retryAfter": true
  }
} as const satisfies Readonly<Record<string, ErrorFact>>;

export const errorStatuses = [
  400,
  401,
  403,
  404,
  405,
  406,
  410,
  429,
  500,
  503
] as const satisfies readonly number[];

export const retryAfterStatuses = [
  429,
  503
] as const satisfies readonly number[];

export const responseHeaders = {
  "wwwAuthenticate": "Bearer realm=\"SignalZen API\"",
  "allow": "GET",
  "retryAfter": "30"
} as const satisfies { wwwAuthenticate: string; allow: string; retryAfter: string };

export const successExamples = {
  "listUsers": {
    "usersPage": {
      "limit": 50,
      "offset": 0,
      "total": 1,
      "users": [
        {
          "id": 1,
          "name": "John Smith",
          "email": "john.smith@gmail.com",
          "reference": "123",
          "created_at": "2017-11-25T20:27:42.000Z",
          "updated_at": "2017-11-25T20:27:42.000Z",
          "online_at": "2017-11-25T20:27:42.000Z",
          "last_url": "https://google.com",
          "user_attributes": [
            {
              "name": "company",
              "value": "John limited"
            }
          ]
        }
      ]
    },
    "emptyUsersPage": {
      "limit": 50,
      "offset": 100,
      "total": 1,
      "users": []
    }
  },
  "getUser": {
    "user": {
      "id": 123,
      "name": "John Smith",
      "email": "john.smith@gmail.com",
      "reference": "123",
      "created_at": "2017-11-25T20:27:42.000Z",
      "updated_at": "2017-11-25T20:27:42.000Z",
      "online_at": "2017-11-25T20:27:42.000Z",
      "last_url": "https://google.com",
      "user_attributes": [
        {
          "name": "company",
          "value": "John limited"
        }
      ]
    },
    "anonymousUser": {
      "id": 124,
      "name": null,
      "email": null,
      "reference": null,
      "created_at": "2018-02-09T17:18:50.000Z",
      "updated_at": "2018-02-09T17:18:50.000Z",
      "online_at": null,
      "last_url": null,
      "user_attributes": []
    }
  },
  "listUserMessages": {
    "messagesPage": {
      "limit": 50,
      "offset": 0,
      "total": 2,
      "messages": [
        {
          "id": 1,
          "body": "test chat message",
          "read_by_user": true,
          "created_at": "2018-02-09T17:18:50.000Z",
          "file_url": null,
          "auto_invitation": false,
          "sender_type": "user",
          "read_by_operator": true,
          "sender": {
            "id": 1,
            "name": "David Smith",
            "email": "visitor@gmail.com"
          }
        },
        {
          "id": 2,
          "body": "test response from operator",
          "read_by_user": false,
          "created_at": "2018-02-09T18:18:38.000Z",
          "file_url": null,
          "auto_invitation": false,
          "sender_type": "operator",
          "read_by_operator": true,
          "sender": {
            "id": 1,
            "forename": "John",
            "surname": "Smith",
            "email": "operator@gmail.com",
            "picture_thumb_url": null
          }
        }
      ]
    },
    "emptyMessagesPage": {
      "limit": 50,
      "offset": 100,
      "total": 2,
      "messages": []
    }
  },
  "getUserMessage": {
    "message": {
      "id": 1234,
      "body": "test chat message",
      "read_by_user": true,
      "created_at": "2018-02-09T17:18:50.000Z",
      "file_url": null,
      "auto_invitation": false,
      "sender_type": "user",
      "read_by_operator": true,
      "sender": {
        "id": 1,
        "name": "David Smith",
        "email": "visitor@gmail.com"
      }
    },
    "operatorMessage": {
      "id": 1235,
      "body": "Hi David, how can we help?",
      "read_by_user": false,
      "created_at": "2018-02-09T18:18:38.000Z",
      "file_url": null,
      "auto_invitation": false,
      "sender_type": "operator",
      "read_by_operator": true,
      "sender": {
        "id": 7,
        "forename": "John",
        "surname": "Smith",
        "email": "operator@gmail.com",
        "picture_thumb_url": "https://cdn.signalzen.com/avatars/7/thumb.png"
      }
    },
    "fileMessage": {
      "id": 1236,
      "body": null,
      "read_by_user": true,
      "created_at": "2018-02-09T18:20:02.000Z",
      "file_url": "https://cdn.signalzen.com/files/1236/invoice.pdf",
      "auto_invitation": false,
      "sender_type": "user",
      "read_by_operator": false,
      "sender": {
        "id": 1,
        "name": "David Smith",
        "email": "visitor@gmail.com"
      }
    }
  }
} as const satisfies Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export const bounds = {
  "offset": {
    "minimum": 0,
    "maximum": 2147483647,
    "default": 0
  },
  "limit": {
    "minimum": 1,
    "maximum": 99,
    "default": 50
  },
  "id": {
    "minimum": 1,
    "maximum": 2147483647
  }
} as const satisfies Record<"offset" | "limit" | "id", BoundsFact>;
