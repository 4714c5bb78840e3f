// Generated from openapi.yaml by `npm run generate`. Do not edit by hand.
export interface paths {
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get users
         * @description Retrieves a page of your widget users, ordered by ascending `id`. Use `offset` to scroll through the whole list.
         */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a specific user
         * @description Retrieves a specific user by id.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get messages
         * @description Retrieves a page of the messages of a user's chat, ordered by ascending `id` (oldest first). Use `offset` to scroll through all messages.
         */
        get: operations["listUserMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a specific message
         * @description Retrieves a specific message of a user's chat.
         */
        get: operations["getUserMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Format: int32
         * @description A record id, a positive integer.
         */
        Id: number;
        /**
         * Format: date-time
         * @description An ISO 8601 / RFC 3339 date and time in UTC.
         * @example 2017-11-25T20:27:42.000Z
         */
        Timestamp: string;
        /**
         * Format: email
         * @example john.smith@gmail.com
         */
        Email: string;
        /**
         * Format: uri
         * @example https://google.com
         */
        Url: string;
        /** @description A custom attribute your site attached to the user. */
        UserAttribute: {
            /** @example company */
            name: string;
            /** @example John limited */
            value: string;
        };
        /** @description A visitor who used your chat widget. Anonymous visitors have no `name`, `email` or `reference` (null) until your site or the visitor provides them. */
        User: {
            id: components["schemas"]["Id"];
            /**
             * @description The visitor's name; null for an anonymous visitor.
             * @example John Smith
             */
            name: string | null;
            /** @description The visitor's email address; null when unknown. */
            email: components["schemas"]["Email"] | null;
            /**
             * @description Your own identifier for this user, as your site passed it to the widget; null when none was passed.
             * @example 123
             */
            reference: string | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description When the user was last online; null if never seen online. */
            online_at: components["schemas"]["Timestamp"] | null;
            /** @description The last page the user visited; null when unknown. */
            last_url: components["schemas"]["Url"] | null;
            /** @description Custom attributes; an empty array when there are none. */
            user_attributes: components["schemas"]["UserAttribute"][];
        };
        /** @description The widget user who sent a message. */
        UserSender: {
            id: components["schemas"]["Id"];
            /**
             * @description The user's name; null for an anonymous visitor.
             * @example David Smith
             */
            name: string | null;
            /** @description The user's email; null when unknown. */
            email: components["schemas"]["Email"] | null;
        };
        /** @description The operator (a member of your team) who sent a message. */
        OperatorSender: {
            id: components["schemas"]["Id"];
            /** @example John */
            forename: string;
            /** @example Smith */
            surname: string;
            email: components["schemas"]["Email"];
            /** @description The operator's avatar thumbnail; null when the operator has no picture. */
            picture_thumb_url: components["schemas"]["Url"] | null;
        };
        /** @description A message sent by the widget user. */
        UserMessage: {
            id: components["schemas"]["Id"];
            /**
             * @description The text of the message; null for a message that only carries a file (see `file_url`).
             * @example test chat message
             */
            body: string | null;
            /** @description Whether the widget user has read the message. */
            read_by_user: boolean;
            /** @description Whether an operator has read the message. */
            read_by_operator: boolean;
            created_at: components["schemas"]["Timestamp"];
            /** @description The attached file; null when the message has no file. */
            file_url: components["schemas"]["Url"] | null;
            /** @description Whether the message was sent automatically as a chat invitation. */
            auto_invitation: boolean;
            /**
             * @description Who sent the message, and so the shape of `sender`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            sender_type: "user";
            sender: components["schemas"]["UserSender"];
        };
        /** @description A message sent by one of your operators. */
        OperatorMessage: {
            id: components["schemas"]["Id"];
            /**
             * @description The text of the message; null for a message that only carries a file (see `file_url`).
             * @example test chat message
             */
            body: string | null;
            /** @description Whether the widget user has read the message. */
            read_by_user: boolean;
            /** @description Whether an operator has read the message. */
            read_by_operator: boolean;
            created_at: components["schemas"]["Timestamp"];
            /** @description The attached file; null when the message has no file. */
            file_url: components["schemas"]["Url"] | null;
            /** @description Whether the message was sent automatically as a chat invitation. */
            auto_invitation: boolean;
            /**
             * @description Who sent the message, and so the shape of `sender`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            sender_type: "operator";
            sender: components["schemas"]["OperatorSender"];
        };
        /** @description A chat message. `sender_type` tells who sent it, and so the shape of `sender`: `user` (the widget user) or `operator` (your team). */
        Message: components["schemas"]["UserMessage"] | components["schemas"]["OperatorMessage"];
        /** @description The paging fields every list response has. */
        PageFields: {
            /**
             * Format: int32
             * @description The page size used (the `limit` asked for, or the default 50).
             */
            limit: number;
            /**
             * Format: int32
             * @description How many records were skipped (the `offset` asked for, or the default 0).
             */
            offset: number;
            /**
             * Format: int32
             * @description How many records there are in all.
             */
            total: number;
        };
        /** @description A page of users. */
        UserList: components["schemas"]["PageFields"] & {
            users: components["schemas"]["User"][];
        };
        /** @description A page of messages. */
        MessageList: components["schemas"]["PageFields"] & {
            messages: components["schemas"]["Message"][];
        };
        /** @description One thing that was wrong with the request. */
        ErrorDetail: {
            /**
             * @description Where the problem is: `path`, `query` or `header`, followed by the name.
             * @example query.limit
             */
            location?: string;
            /** @example must be <= 99 */
            message: string;
        };
        /** @description The body of every error response. */
        ErrorBody: {
            /**
             * Format: int32
             * @description The HTTP status code, repeated.
             */
            status: number;
            /**
             * @description A stable machine-readable name for the error, one per status.
             * @enum {string}
             */
            code: "bad_request" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "not_acceptable" | "gone" | "too_many_requests" | "internal_server_error" | "service_unavailable";
            /** @description A human-readable explanation; may change, do not match on it. */
            message: string;
            /** @description What exactly was wrong with the request, when known (mostly on 400). */
            details?: components["schemas"]["ErrorDetail"][];
        };
    };
    responses: {
        /** @description Bad Request -- your request is invalid (a parameter is out of range or of the wrong type). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/vnd.signalzen.v1+json": components["schemas"]["ErrorBody"] & {
                    /** @constant */
                    status?: 400;
                    /** @constant */
                    code?: "bad_request";
                };
            };
        };
        /** @description Unauthorized -- your API secret key is wrong, or the `Authorization` header is missing or not `Bearer`. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/vnd.signalzen.v1+json": components["schemas"]["ErrorBody"] & {
                    /** @constant */
                    status?: 401;
                    /** @constant */
                    code?: "unauthorized";
                };
            };
        };
        /** @description Forbidden -- the request is forbidden. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/vnd.signalzen.v1+json": components["schemas"]["ErrorBody"] & {
                    /** @constant */
                    status?: 403;
                    /** @constant */
                    code?: "forbidden";
                };
            };
        };
        /** @description Not Found -- the specified resource could not be found. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/vnd.signalzen.v1+json": components["schemas"]["ErrorBody"] & {
                    /** @constant */
                    status?: 404;
                    /** @constant */
                    code?: "not_found";
                };
            };
        };
        /** @description Method Not Allowed -- you tried to access a resource with an invalid method. The API is read-only. */
        MethodNotAllowed: {
            headers: {
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/vnd.signalzen.v1+json": components["schemas"]["ErrorBody"] & {
                    /** @constant */
                    status?: 405;
                    /** @constant */
                    code?: "method_not_allowed";
                };
            };
        };
        /** @description Not Acceptable -- you requested a format that isn't `application/vnd.signalzen.v1+json`. Both headers, `Authorization: Bearer YOUR_API_SECRET` and `Accept: application/vnd.signalzen.v1+json`, must be sent with every request. */
        NotAcceptable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/vnd.signalzen.v1+json": components["schemas"]["ErrorBody"] & {
                    /** @constant */
                    status?: 406;
                    /** @constant */
                    code?: "not_acceptable";
                };
            };
        };
        /** @description Gone -- the resource requested has been removed from our servers. */
        Gone: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/vnd.signalzen.v1+json": components["schemas"]["ErrorBody"] & {
                    /** @constant */
                    status?: 410;
                    /** @constant */
                    code?: "gone";
                };
            };
        };
        /** @description Too Many Requests -- you're making too many requests! Slow down, and retry after `Retry-After`. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/vnd.signalzen.v1+json": components["schemas"]["ErrorBody"] & {
                    /** @constant */
                    status?: 429;
                    /** @constant */
                    code?: "too_many_requests";
                };
            };
        };
        /** @description Internal Server Error -- we had a problem with our server. Try again later. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/vnd.signalzen.v1+json": components["schemas"]["ErrorBody"] & {
                    /** @constant */
                    status?: 500;
                    /** @constant */
                    code?: "internal_server_error";
                };
            };
        };
        /** @description Service Unavailable -- we're temporarily offline for maintenance. Retry after `Retry-After`. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/vnd.signalzen.v1+json": components["schemas"]["ErrorBody"] & {
                    /** @constant */
                    status?: 503;
                    /** @constant */
                    code?: "service_unavailable";
                };
            };
        };
    };
    parameters: {
        /**
         * @description How many records to skip: use it to scroll through the whole list. An offset at or past `total` returns an empty page. The published reference sets no upper bound: the maximum below is only the int32 range the contract carries offsets in, not a documented limit, so a server need not refuse a larger offset (`verify` does not probe it).
         * @example 0
         */
        offset: number;
        /**
         * @description How many records to return, greater than 0 and lower than 100.
         * @example 50
         */
        limit: number;
        /**
         * @description The ID of the user who owns the chat.
         * @example 123
         */
        userId: components["schemas"]["Id"];
    };
    requestBodies: never;
    headers: {
        /**
         * @description When to retry: a number of seconds (`30`) or an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`).
         * @example 30
         */
        RetryAfter: string;
        /**
         * @description The authentication scheme the API expects.
         * @example Bearer realm="SignalZen API"
         */
        WWWAuthenticate: string;
        /**
         * @description The methods the resource supports.
         * @example GET
         */
        Allow: "GET";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listUsers: {
        parameters: {
            query?: {
                /**
                 * @description How many records to skip: use it to scroll through the whole list. An offset at or past `total` returns an empty page. The published reference sets no upper bound: the maximum below is only the int32 range the contract carries offsets in, not a documented limit, so a server need not refuse a larger offset (`verify` does not probe it).
                 * @example 0
                 */
                offset?: components["parameters"]["offset"];
                /**
                 * @description How many records to return, greater than 0 and lower than 100.
                 * @example 50
                 */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.signalzen.v1+json": components["schemas"]["UserList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            406: components["responses"]["NotAcceptable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the user to retrieve.
                 * @example 123
                 */
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.signalzen.v1+json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            406: components["responses"]["NotAcceptable"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listUserMessages: {
        parameters: {
            query?: {
                /**
                 * @description How many records to skip: use it to scroll through the whole list. An offset at or past `total` returns an empty page. The published reference sets no upper bound: the maximum below is only the int32 range the contract carries offsets in, not a documented limit, so a server need not refuse a larger offset (`verify` does not probe it).
                 * @example 0
                 */
                offset?: components["parameters"]["offset"];
                /**
                 * @description How many records to return, greater than 0 and lower than 100.
                 * @example 50
                 */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path: {
                /**
                 * @description The ID of the user who owns the chat.
                 * @example 123
                 */
                user_id: components["parameters"]["userId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.signalzen.v1+json": components["schemas"]["MessageList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            406: components["responses"]["NotAcceptable"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUserMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the user who owns the chat.
                 * @example 123
                 */
                user_id: components["parameters"]["userId"];
                /**
                 * @description The ID of the message to retrieve.
                 * @example 1234
                 */
                id: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.signalzen.v1+json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            406: components["responses"]["NotAcceptable"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
