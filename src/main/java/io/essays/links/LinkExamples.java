package io.essays.links;

/** OpenAPI examples of the link endpoints, in one place: real responses over content/, shortened. */
final class LinkExamples {
    /** GET /essays/softmax/links, one link each way. */
    static final String LINKS = """
            {
              "slug": "softmax",
              "title": "The Softmax Function",
              "outgoing": [
                {
                  "slug": "boltzmann-distribution",
                  "title": "Boltzmann / Gibbs Distribution",
                  "series": {
                    "slug": "foundations",
                    "title": "Foundations"
                  },
                  "links": [
                    {
                      "text": "Boltzmann / Gibbs distribution",
                      "anchor": null,
                      "sectionId": "a-distribution-borrowed-from-physics",
                      "line": 63,
                      "context": {
                        "text": "The companion essay on the Boltzmann / Gibbs distribution derives this from maximum entropy and follows the physics into energy-based models.",
                        "html": "The companion essay on the <mark>Boltzmann / Gibbs distribution</mark> derives this from maximum entropy and follows the physics into energy-based models."
                      }
                    }
                  ]
                }
              ],
              "incoming": [
                {
                  "slug": "cross-entropy",
                  "title": "Cross-Entropy",
                  "series": {
                    "slug": "foundations",
                    "title": "Foundations"
                  },
                  "links": [
                    {
                      "text": "The Softmax Function",
                      "anchor": null,
                      "sectionId": "pairing-with-softmax",
                      "line": 179,
                      "context": {
                        "text": "(Softmax is the normalised exponential; see The Softmax Function.) The two fit together for two reasons: the gradient and the numerics.",
                        "html": "(Softmax is the normalised exponential; see <mark>The Softmax Function</mark>.) The two fit together for two reasons: the gradient and the numerics."
                      }
                    }
                  ]
                }
              ]
            }""";

    /** GET /essays/softmax/graph?depth=1, first three nodes. */
    static final String NEIGHBOURHOOD = """
            {
              "nodes": [
                {
                  "slug": "softmax",
                  "title": "The Softmax Function",
                  "series": {
                    "slug": "foundations",
                    "title": "Foundations"
                  },
                  "inDegree": 9,
                  "outDegree": 7,
                  "distance": 0
                },
                {
                  "slug": "neural-networks-refresher",
                  "title": "Artificial Neural Networks — A Refresher",
                  "series": {
                    "slug": "foundations",
                    "title": "Foundations"
                  },
                  "inDegree": 7,
                  "outDegree": 8,
                  "distance": 1
                },
                {
                  "slug": "boltzmann-distribution",
                  "title": "Boltzmann / Gibbs Distribution",
                  "series": {
                    "slug": "foundations",
                    "title": "Foundations"
                  },
                  "inDegree": 7,
                  "outDegree": 5,
                  "distance": 1
                }
              ],
              "edges": [
                {
                  "source": "neural-networks-refresher",
                  "target": "softmax",
                  "weight": 3
                },
                {
                  "source": "neural-networks-refresher",
                  "target": "boltzmann-distribution",
                  "weight": 1
                },
                {
                  "source": "softmax",
                  "target": "neural-networks-refresher",
                  "weight": 2
                }
              ]
            }""";

    /** GET /graph?series=foundations, first three nodes. */
    static final String GRAPH = """
            {
              "nodes": [
                {
                  "slug": "neural-networks-refresher",
                  "title": "Artificial Neural Networks — A Refresher",
                  "series": {
                    "slug": "foundations",
                    "title": "Foundations"
                  },
                  "inDegree": 7,
                  "outDegree": 8
                },
                {
                  "slug": "softmax",
                  "title": "The Softmax Function",
                  "series": {
                    "slug": "foundations",
                    "title": "Foundations"
                  },
                  "inDegree": 9,
                  "outDegree": 7
                },
                {
                  "slug": "boltzmann-distribution",
                  "title": "Boltzmann / Gibbs Distribution",
                  "series": {
                    "slug": "foundations",
                    "title": "Foundations"
                  },
                  "inDegree": 7,
                  "outDegree": 5
                }
              ],
              "edges": [
                {
                  "source": "neural-networks-refresher",
                  "target": "softmax",
                  "weight": 3
                },
                {
                  "source": "neural-networks-refresher",
                  "target": "boltzmann-distribution",
                  "weight": 1
                },
                {
                  "source": "softmax",
                  "target": "neural-networks-refresher",
                  "weight": 2
                }
              ]
            }""";

    /** GET /essays/softmax/related?limit=1. */
    static final String RELATED = """
            [
              {
                "slug": "cross-entropy",
                "title": "Cross-Entropy",
                "series": {
                  "slug": "foundations",
                  "title": "Foundations"
                },
                "score": 20.5,
                "reasons": [
                  {
                    "reason": "links-to",
                    "score": 3.0,
                    "values": []
                  },
                  {
                    "reason": "linked-from",
                    "score": 3.0,
                    "values": []
                  },
                  {
                    "reason": "co-cited-by",
                    "score": 7.0,
                    "values": [
                      "after-the-transformer",
                      "attention-is-all-you-need",
                      "boltzmann-distribution",
                      "gpt-decoder-only",
                      "neural-networks-refresher",
                      "probability-concepts",
                      "rlhf-and-alignment"
                    ]
                  },
                  {
                    "reason": "both-link-to",
                    "score": 5.0,
                    "values": [
                      "attention-is-all-you-need",
                      "boltzmann-distribution",
                      "gpt-decoder-only",
                      "neural-networks-refresher",
                      "rlhf-and-alignment"
                    ]
                  },
                  {
                    "reason": "shared-tags",
                    "score": 2.0,
                    "values": [
                      "classification",
                      "probability"
                    ]
                  },
                  {
                    "reason": "same-series",
                    "score": 0.5,
                    "values": [
                      "foundations"
                    ]
                  }
                ]
              }
            ]""";

    /** GET /essays/softmax/preview. */
    static final String PREVIEW = """
            {
              "slug": "softmax",
              "title": "The Softmax Function",
              "series": {
                "slug": "foundations",
                "title": "Foundations"
              },
              "summary": "How a vector of arbitrary scores becomes a probability distribution — the formula, why the exponential, temperature, numerical stability, the gradient, and why softmax + cross-entropy is the standard classifier head.",
              "readingMinutes": 12,
              "section": null
            }""";

    /** GET /essays/softmax/preview?anchor=temperature. */
    static final String SECTION_PREVIEW = """
            {
              "slug": "softmax",
              "title": "The Softmax Function",
              "series": {
                "slug": "foundations",
                "title": "Foundations"
              },
              "summary": "How a vector of arbitrary scores becomes a probability distribution — the formula, why the exponential, temperature, numerical stability, the gradient, and why softmax + cross-entropy is the standard classifier head.",
              "readingMinutes": 12,
              "section": {
                "anchor": "temperature",
                "heading": "Temperature",
                "level": 2,
                "text": "A temperature T > 0 divides the logits before the softmax:",
                "html": "<p>A <strong>temperature</strong> <span class=\\"math math-inline\\">T &gt; 0</span> divides the logits before the softmax:</p>"
              }
            }""";

    /** GET /essays/softmax/mentions, first mention. */
    static final String MENTIONS = """
            [
              {
                "slug": "neural-networks-refresher",
                "title": "Artificial Neural Networks — A Refresher",
                "series": {
                  "slug": "foundations",
                  "title": "Foundations"
                },
                "linksHere": true,
                "mentions": [
                  {
                    "term": "softmax",
                    "text": "softmax",
                    "sectionId": "loss-functions",
                    "line": 86,
                    "context": {
                      "text": "It pairs neatly with softmax: the gradient with respect to the logits is simply p - y, derived in softmax and cross-entropy.",
                      "html": "It pairs neatly with <mark>softmax</mark>: the gradient with respect to the logits is simply p - y, derived in softmax and cross-entropy."
                    }
                  }
                ]
              }
            ]""";

    /** Problem. */
    static final String UNKNOWN_ESSAY = """
            {
              "type": "https://essays.dev/problems/not-found",
              "title": "Not Found",
              "status": 404,
              "detail": "No essay with slug 'softmaxx'",
              "instance": "/api/v1/essays/softmaxx/links"
            }""";

    /** Problem. */
    static final String UNKNOWN_ANCHOR = """
            {
              "type": "https://essays.dev/problems/not-found",
              "title": "Not Found",
              "status": 404,
              "detail": "Essay 'softmax' has no heading with id 'temprature'; the essay's toc lists its heading ids",
              "instance": "/api/v1/essays/softmax/preview"
            }""";

    /** Problem. */
    static final String UNKNOWN_SERIES = """
            {
              "type": "https://essays.dev/problems/invalid-parameter",
              "title": "Invalid Parameter",
              "status": 400,
              "detail": "Unknown series 'physics' in filter 'series'; known series: foundations, hardware-and-compute, transformer-architectures",
              "instance": "/api/v1/graph"
            }""";

    /** Problem. */
    static final String BAD_DEPTH = """
            {
              "type": "https://essays.dev/problems/invalid-parameter",
              "title": "Invalid Parameter",
              "status": 400,
              "detail": "'depth' must be a whole number from 1 to 2, got '3'",
              "instance": "/api/v1/essays/softmax/graph"
            }""";

    /** Problem. */
    static final String BAD_LIMIT = """
            {
              "type": "https://essays.dev/problems/invalid-parameter",
              "title": "Invalid Parameter",
              "status": 400,
              "detail": "'limit' must be a whole number from 1 to 50, got '100'",
              "instance": "/api/v1/essays/softmax/related"
            }""";

    private LinkExamples() {
    }
}
