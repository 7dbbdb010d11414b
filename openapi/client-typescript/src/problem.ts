/** RFC 9457 problem details, as the service sends them with `application/problem+json`. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

/**
 * A failed call: the problem+json body's `type`, `title`, `status` and `detail`, with the raw problem for extension
 * members. A body that is not a problem (a proxy's HTML page, an empty 502) still gives a ProblemError, with `type`
 * `about:blank` and the HTTP status, as RFC 9457 §4.2.1 prescribes for responses without one.
 */
export class ProblemError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  readonly problem: Problem;

  constructor(problem: Problem, status: number) {
    const title = typeof problem.title === "string" ? problem.title : `HTTP ${status}`;
    const detail = typeof problem.detail === "string" ? problem.detail : undefined;
    super(detail ? `${title}: ${detail}` : title);
    this.name = "ProblemError";
    this.type = typeof problem.type === "string" ? problem.type : "about:blank";
    this.title = title;
    this.status = typeof problem.status === "number" ? problem.status : status;
    this.detail = detail;
    this.instance = typeof problem.instance === "string" ? problem.instance : undefined;
    this.problem = problem;
  }

  /** The error for a response that was not a success, from the body openapi-fetch parsed (JSON or text). */
  static from(response: Response, body: Problem | string | undefined): ProblemError {
    const isProblem = typeof body === "object" && body !== null;
    const problem: Problem = isProblem ? body : { title: response.statusText || `HTTP ${response.status}` };
    return new ProblemError(problem, response.status);
  }
}
