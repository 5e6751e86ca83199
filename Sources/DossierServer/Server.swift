import DossierCore
import DossierStore
import Hummingbird
import Prometheus

/// The HTTP JSON API over a store: health, extraction of a posted report, and the store's articles, events (and their
/// number on each date), entities, places, quotes, claims and network; and at `/` a web page that browses them. Every answer of the API is JSON
/// (`application/json; charset=utf-8`), errors included (`{"error": "…"}`); every answer carries
/// `X-Content-Type-Options: nosniff` and `Content-Security-Policy: default-src 'self'`.
///
///     let server = Server(store: try Store.open("dossier.db"), options: ServerOptions(port: 8080))
///     try await server.application { url in print("Listening on \(url)") }.runService()
public struct Server: Sendable {
    public let store: Store
    public let options: ServerOptions
    /// How a report posted to `/extract` is read: the standard pipeline unless another is given.
    public let reader: ReportReader
    /// Request counts and latencies by route, served at `/metrics`.
    public let metrics = PrometheusCollectorRegistry()

    public init(store: Store, options: ServerOptions = ServerOptions(), pipeline: Pipeline = .standard()) {
        self.store = store
        self.options = options
        reader = ReportReader(intake: Intake(maxBytes: options.maxBytes), pipeline: pipeline, budget: options.reportBudget)
    }

    /// The routes, behind the middleware that adds the security headers and answers errors as JSON.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ContentSecurityMiddleware(contentSecurityPolicy: [.defaultSrc(.self)]))
        router.add(middleware: JSONErrorMiddleware())
        router.add(middleware: RequestMetrics(registry: metrics))
        let queries = StoreQueries(store: store)
        HealthRoute(store: store).add(to: router)
        MetricsRoute(registry: metrics).add(to: router)
        ExtractRoute(reader: reader, maxBytes: options.maxBytes).add(to: router)
        ArticleRoutes(queries: queries).add(to: router)
        IngestRoute(store: store, reader: reader, maxBytes: options.maxBytes, token: options.ingestToken).add(to: router)
        EventRoutes(queries: queries).add(to: router)
        EntityRoutes(queries: queries).add(to: router)
        QuoteRoutes(queries: queries).add(to: router)
        ClaimRoutes(queries: queries).add(to: router)
        NetworkRoutes(queries: queries).add(to: router)
        ExportRoutes(export: EventExport(store: store)).add(to: router)
        PlaceRoutes(queries: queries).add(to: router)
        WebRoutes(files: .bundled).add(to: router)
        return router
    }

    /// The application serving ``router()`` at the options' host and port; `onListening` gets its URL once it listens.
    public func application(onListening: @escaping @Sendable (String) async -> Void = { _ in }) -> some ApplicationProtocol {
        // An IPv6 address is bracketed in a URL: http://[::1]:8080.
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        return Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "dossier"),
            onServerRunning: { channel in
                await onListening("http://\(host):\(channel.localAddress?.port ?? 0)")
            })
    }
}
