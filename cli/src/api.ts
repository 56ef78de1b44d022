/** Where the API is and who is calling, from `GIAOVIEC_URL` and `GIAOVIEC_TOKEN`. */
export interface Connection {
  /** The gateway's GraphQL endpoint. */
  url: string;
  /** A bearer token (JWT); in development `npm start` prints some. */
  token: string;
  /** Sent as `Accept-Language`: `vi` gets the API's error messages in Vietnamese. */
  acceptLanguage?: string;
}

/** The gateway `npm start` serves (gateway/src/stack/start.ts: PORT, default 4000). */
export const DEFAULT_URL = 'http://localhost:4000/graphql';

export function connectionFromEnvironment(env: NodeJS.ProcessEnv = process.env): Connection {
  const token = env.GIAOVIEC_TOKEN?.trim();
  if (!token) throw new Error('GIAOVIEC_TOKEN is not set: a bearer token of a user allowed to do this');
  return { url: env.GIAOVIEC_URL?.trim() || DEFAULT_URL, token };
}

/** An error the API answered, with its `extensions.code` (BAD_USER_INPUT, FORBIDDEN, ...). */
export class ApiError extends Error {
  constructor(
    /** The API's own message, without the code. */
    readonly reason: string,
    readonly code: string | undefined,
    readonly field?: string,
  ) {
    super(code ? `${code}: ${reason}` : reason);
    this.name = 'ApiError';
  }
}

interface GraphQLBody<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

const RETRIES = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A GraphQL client over plain fetch. Any error in an answer fails the call: an export must not
 * write a file with a unit's figures missing because a subgraph was down. A lost connection or a
 * gateway that is restarting (502, 503, 504) is tried again: safe, as queries only read and every
 * mutation the CLI sends carries an idempotency key.
 */
export class ApiClient {
  constructor(private readonly connection: Connection) {}

  async request<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(this.connection.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${this.connection.token}`,
            ...(this.connection.acceptLanguage ? { 'accept-language': this.connection.acceptLanguage } : {}),
          },
          body: JSON.stringify({ query, variables }),
        });
      } catch (error) {
        if (attempt < RETRIES) {
          await sleep(500 * attempt);
          continue;
        }
        throw new Error(`cannot reach ${this.connection.url}: ${(error as Error).message}`);
      }
      if ([502, 503, 504].includes(response.status) && attempt < RETRIES) {
        await sleep(500 * attempt);
        continue;
      }
      let body: GraphQLBody<Data>;
      try {
        body = (await response.json()) as GraphQLBody<Data>;
      } catch {
        throw new Error(`${this.connection.url} answered HTTP ${response.status}, not GraphQL`);
      }
      const error = body.errors?.[0];
      if (error) throw new ApiError(error.message, error.extensions?.code, error.extensions?.field);
      if (!body.data) throw new Error(`${this.connection.url} answered HTTP ${response.status} without data`);
      return body.data;
    }
  }
}
