import DossierWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// What the test site has been asked, for the tests to check.
final class SiteLog: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [String: Int] = [:]
    private var conditional: [String: Int] = [:]
    private var notModified: [String: Int] = [:]

    func saw(_ path: String, conditional isConditional: Bool = false, answered304: Bool = false) {
        lock.withLock {
            requests[path, default: 0] += 1
            if isConditional { conditional[path, default: 0] += 1 }
            if answered304 { notModified[path, default: 0] += 1 }
        }
    }

    func requests(_ path: String) -> Int { lock.withLock { requests[path] ?? 0 } }
    func conditionalRequests(_ path: String) -> Int { lock.withLock { conditional[path] ?? 0 } }
    func notModifiedAnswers(_ path: String) -> Int { lock.withLock { notModified[path] ?? 0 } }
}

/// A news site on 127.0.0.1 for the tests: pages, feeds, a sitemap, redirects, a slow, a huge and a flaky answer, a
/// robots.txt, and a feed that answers 304 to its ETag.
enum TestSite {
    static func page(_ title: String, _ sentences: String) -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(title)</title></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>\(title)</h1>
        <p>\(sentences) Officials in Geneva said on Tuesday that the talks would go on for a second week.</p>
        <p>The delegations met for four hours and agreed to meet again, a spokesman for the United Nations said.</p>
        </article><footer>Copyright News Site</footer></body></html>
        """
    }

    static let rssPaths = ["/articles/one.html", "/articles/two.html"]

    static func rss(_ host: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Test news</title>
        <item><title><![CDATA[Talks <b>resume</b> in Geneva]]></title><link>http://\(host)/articles/one.html</link>
        <pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
        <item><title>Second round</title><link>/articles/two.html#comments</link>
        <pubDate>Wed, 06 Mar 2024 11:30:00 +0100</pubDate></item>
        </channel></rss>
        """
    }

    static func router(log: SiteLog) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/page.html") { _, _ in html(page("Talks resume in Geneva", "Negotiators from both sides returned to Geneva.")) }
        router.get("/latin1.html") { _, _ in
            var bytes = Array(page("Caf\u{E9} talks", "The caf\u{E9} owner spoke to reporters.").utf8)
            bytes = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=ISO-8859-1"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.get("/articles/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            log.saw("/articles/\(name)")
            return html(page("Report \(name)", "Delegates discussed report \(name) at length."))
        }
        router.get("/rss.xml") { request, _ in
            log.saw("/rss.xml")
            return xml(rss(request.head.authority ?? "127.0.0.1"))
        }
        router.get("/atom.xml") { request, _ in
            let host = request.head.authority ?? "127.0.0.1"
            return xml(
                """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>
                <entry><title>Atom story</title><link rel="self" href="http://\(host)/atom/self"/>
                <link rel="alternate" type="text/html" href="http://\(host)/articles/atom.html"/>
                <published>2024-03-07T09:00:00+01:00</published></entry></feed>
                """)
        }
        router.get("/sitemap.xml") { request, _ in
            xml(
                """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>http://\(request.head.authority ?? "")/articles/mapped.html</loc><lastmod>2024-03-08</lastmod></url></urlset>
                """)
        }
        router.get("/redirect/1") { _, _ in redirect("/redirect/2") }
        router.get("/redirect/2") { _, _ in redirect("/page.html") }
        router.get("/loop/a") { _, _ in redirect("/loop/b") }
        router.get("/loop/b") { _, _ in redirect("/loop/a") }
        router.get("/to-private") { _, _ in redirect("http://10.1.2.3/admin") }
        router.get("/to-metadata") { _, _ in redirect("http://[::ffff:169.254.169.254]/latest/meta-data/") }
        router.get("/slow") { _, _ in
            try await Task.sleep(for: .seconds(10))
            return html(page("Late", "This answer came late."))
        }
        router.get("/huge") { _, _ in
            html("<html><body><p>" + String(repeating: "All work and no play. ", count: 20_000) + "</p></body></html>")
        }
        router.get("/flaky") { _, _ in
            log.saw("/flaky")
            if log.requests("/flaky") == 1 { return Response(status: .serviceUnavailable, headers: [.retryAfter: "0"]) }
            return html(page("Back again", "The server came back after an error."))
        }
        router.get("/robots.txt") { _, _ in
            log.saw("/robots.txt")
            return Response(
                status: .ok, headers: [.contentType: "text/plain"],
                body: .init(byteBuffer: ByteBuffer(string: "User-agent: *\nDisallow: /private/\n")))
        }
        router.get("/private/secret.html") { _, _ in
            log.saw("/private/secret.html")
            return html(page("Secret", "Nobody should read this."))
        }
        router.get("/etag-feed.xml") { request, _ in
            let conditional = request.headers[.ifNoneMatch] != nil || request.headers[.ifModifiedSince] != nil
            let unchanged = request.headers[.ifNoneMatch] == "\"v1\""
            log.saw("/etag-feed.xml", conditional: conditional, answered304: unchanged)
            let validators: HTTPFields = [.eTag: "\"v1\"", .lastModified: "Tue, 05 Mar 2024 10:00:00 GMT"]
            if unchanged { return Response(status: .notModified, headers: validators) }
            var headers = validators
            headers[.contentType] = "application/rss+xml"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: rss(request.head.authority ?? ""))))
        }
        return router
    }

    private static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func xml(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/xml"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func redirect(_ location: String) -> Response {
        Response(status: .found, headers: [.location: location])
    }
}

/// Runs `body` with the test site served on 127.0.0.1 (a free port), its log, and the site's address.
func withTestSite(_ body: @Sendable (_ base: String, _ port: Int, _ log: SiteLog) async throws -> Void) async throws {
    let log = SiteLog()
    let app = Application(router: TestSite.router(log: log), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    try await app.test(.live) { client in
        let port = try #require(client.port)
        try await body("http://127.0.0.1:\(port)", port, log)
    }
}

/// Fetch settings for the test site: loopback allowed on its port, no waiting between requests, timeouts long enough
/// for a machine busy with the other tests (the timeout test sets its own).
func testSettings(port: Int, allowPrivate: Bool = true) -> FetchSettings {
    var settings = FetchSettings()
    settings.guardian = AddressGuard(allowedPorts: [80, 443, port])
    if allowPrivate { settings.guardian.allowedKinds = [.loopback] }
    settings.hostInterval = .zero
    settings.backoff = .milliseconds(10)
    settings.connectTimeout = .seconds(10)
    settings.readTimeout = .seconds(10)
    settings.totalTimeout = .seconds(30)
    return settings
}
