import Hummingbird
import Prometheus

/// Counts and times every request into a Prometheus registry, by route (the matched pattern, not the address, so
/// that ids make no new series), method and status: what `GET /metrics` shows.
///
///     dossier_http_requests_total{route="/events",method="GET",status="200"} 12
///     dossier_http_request_duration_seconds_bucket{route="/events",method="GET",le="0.005"} 9
struct RequestMetrics<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry

    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "dossier", subsystem: "http", metricName: "requests", unitName: "total", helpText: "HTTP requests answered")
    }
    static var duration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "dossier", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "Time to answer an HTTP request")
    }

    /// The upper bounds of the latency histogram's buckets.
    static var buckets: [Duration] {
        [1, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000].map { .milliseconds($0) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, response.status, since: started)
            return response
        } catch {
            record(request, context, (error as? any HTTPResponseError)?.status ?? .internalServerError, since: started)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, _ status: HTTPResponse.Status, since started: ContinuousClock.Instant) {
        let route = [("route", context.endpointPath ?? "unmatched"), ("method", request.method.rawValue)]
        registry.makeCounter(descriptor: Self.requests, labels: route + [("status", String(status.code))]).increment()
        registry.makeDurationHistogram(descriptor: Self.duration, labels: route, buckets: Self.buckets).record(
            ContinuousClock.now - started)
    }
}

/// `GET /metrics`: the registry in Prometheus's text format, for a scraper.
struct MetricsRoute: Sendable {
    let registry: PrometheusCollectorRegistry

    func add(to router: Router<BasicRequestContext>) {
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}
