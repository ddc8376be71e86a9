/** An RFC 9457 problem-details body as the server writes it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  [extension: string]: unknown;
}

/** A failed API call: what the server said (already in the reader's language) and its stable code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? `http-${status}`;
    this.problem = problem;
  }

  /** The server could not be reached at all (down, offline, proxy error without a body). */
  static unreachable(cause: unknown): ApiError {
    const error = new ApiError(0, { code: 'unreachable', detail: String(cause) });
    return error;
  }
}

export async function problemOf(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return new ApiError(response.status, (await response.json()) as Problem);
    } catch {
      // fall through: a broken body says no more than the status
    }
  }
  return new ApiError(response.status, { status: response.status });
}
