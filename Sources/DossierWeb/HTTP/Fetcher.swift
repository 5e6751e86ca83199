import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression

/// Fetches URLs from the web for Dossier, as a polite and careful crawler: every URL and redirect passes the
/// ``AddressGuard`` and the connection goes to the address it checked; robots.txt is obeyed; one host is asked at most
/// once every ``FetchSettings/hostInterval``; 429 and 5xx answers and failed connections are tried again after a
/// growing wait (or the server's short Retry-After); bodies are decompressed (gzip, deflate) and cut at
/// ``FetchSettings/maxBytes``; the last fetch's ETag and Last-Modified make an unchanged resource cost a 304.
///
/// ```swift
/// let fetcher = Fetcher()
/// let page = try await fetcher.fetch(URL(string: "https://example.com/news/1")!)
/// let again = try await fetcher.fetch(page.url, validators: Validators(etag: page.etag, lastModified: page.lastModified))
/// again.notModified   // true when the server says so
/// ```
public final class Fetcher: Sendable {
    public let settings: FetchSettings
    private let pacer: HostPacer
    private let robots: RobotsCache

    public init(settings: FetchSettings = FetchSettings()) {
        self.settings = settings
        pacer = HostPacer(interval: settings.hostInterval)
        robots = RobotsCache(productToken: settings.productToken)
    }

    /// The resource at `url`, after at most ``FetchSettings/maxRedirects`` redirects, each checked again.
    public func fetch(_ url: URL, validators: Validators = Validators()) async throws(FetchError) -> FetchResponse {
        try await fetch(url, validators: validators, obeyingRobots: settings.obeysRobots)
    }

    private func fetch(_ url: URL, validators: Validators, obeyingRobots: Bool) async throws(FetchError) -> FetchResponse {
        var current = url
        var visited: Set<String> = [url.absoluteString]
        var redirects = 0
        while true {
            let target = try await settings.guardian.check(current)
            if obeyingRobots {
                let rules = await robots.rules(for: target) { [self] (robotsURL: URL) async throws(FetchError) -> FetchResponse in
                    try await fetch(robotsURL, validators: Validators(), obeyingRobots: false)
                }
                guard rules.allows(Self.pathAndQuery(current)) else { throw .disallowedByRobots(current.absoluteString) }
            }
            switch try await exchange(target, validators: validators) {
            case .response(var response):
                response.url = url
                return response
            case .redirect(let location):
                redirects += 1
                guard redirects <= settings.maxRedirects else { throw .tooManyRedirects(url.absoluteString, limit: settings.maxRedirects) }
                guard let next = URL(string: location, relativeTo: current)?.absoluteURL,
                    ["http", "https"].contains(next.scheme?.lowercased() ?? "")
                else { throw .badRedirect(current.absoluteString, location: location) }
                guard visited.insert(next.absoluteString).inserted else { throw .redirectLoop(url.absoluteString) }
                current = next
            }
        }
    }

    /// A URL's path and query, as robots.txt rules match them.
    static func pathAndQuery(_ url: URL) -> String {
        let path = url.path(percentEncoded: true)
        let query = url.query(percentEncoded: true).map { "?\($0)" } ?? ""
        return (path.isEmpty ? "/" : path) + query
    }

    /// One URL's answer, tried again on a transient failure.
    private func exchange(_ target: GuardedTarget, validators: Validators) async throws(FetchError) -> Exchange {
        var attempt = 0
        while true {
            await pacer.wait(for: target.host)
            let wait: Duration
            do {
                return try await request(target, validators: validators)
            } catch {
                switch error {
                case .final(let error):
                    throw error
                case .retryable(let error, let retryAfter):
                    guard attempt < settings.retries else { throw error }
                    if let retryAfter, retryAfter > settings.longestRetryAfter { throw error }
                    wait = retryAfter ?? settings.backoff * (1 << attempt)
                }
            }
            attempt += 1
            try? await Task.sleep(for: wait)
        }
    }

    /// Where one request ended.
    private enum Exchange {
        case response(FetchResponse)
        case redirect(String)
    }

    /// A failed request: worth trying again (with the server's Retry-After, if it gave one), or not.
    private enum Failure: Error {
        case retryable(FetchError, retryAfter: Duration?)
        case final(FetchError)
    }

    private func request(_ target: GuardedTarget, validators: Validators) async throws(Failure) -> Exchange {
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration(pinning: target))
        let url = target.url.absoluteString
        do {
            let result = try await send(target, validators: validators, client: client)
            try? await client.shutdown()
            return result
        } catch let failure as Failure {
            try? await client.shutdown()
            throw failure
        } catch {
            try? await client.shutdown()
            let mapped = Self.mapped(error, url: url, limit: settings.maxBytes)
            throw mapped.isTransient ? .retryable(mapped, retryAfter: nil) : .final(mapped)
        }
    }

    /// A client that connects to the guard's address for the target's host (TLS still checks the host's name), follows
    /// no redirect itself, and decompresses at most ``FetchSettings/maxBytes``.
    private func configuration(pinning target: GuardedTarget) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: Self.amount(settings.connectTimeout), read: Self.amount(settings.readTimeout)),
            decompression: .enabled(limit: .size(settings.maxBytes)))
        let address = target.address.description
        configuration.dnsOverride = [target.host: address, "[\(target.host)]": address]
        return configuration
    }

    private func send(_ target: GuardedTarget, validators: Validators, client: HTTPClient) async throws -> Exchange {
        let url = target.url.absoluteString
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: settings.userAgent)
        request.headers.add(name: "Accept", value: Self.accept)
        if let etag = validators.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let modified = validators.lastModified { request.headers.add(name: "If-Modified-Since", value: modified) }
        let response = try await client.execute(request, deadline: .now() + Self.amount(settings.totalTimeout))
        let status = Int(response.status.code)
        let headers = response.headers
        switch status {
        case 301, 302, 303, 307, 308:
            guard let location = headers.first(name: "location") else { throw Failure.final(.status(url, status)) }
            return .redirect(location)
        case 429, 500, 502, 503, 504:
            throw Failure.retryable(.status(url, status), retryAfter: headers.first(name: "retry-after").flatMap(Self.retryAfter))
        case 304, 200..<300:
            break
        default:
            throw Failure.final(.status(url, status))
        }
        var fetched = FetchResponse(
            url: target.url, finalURL: target.url, status: status, contentType: headers.first(name: "content-type"),
            etag: headers.first(name: "etag"), lastModified: headers.first(name: "last-modified"), date: headers.first(name: "date"),
            body: [], fetchedAt: Date())
        if status == 304 { return .response(fetched) }
        let encoding = headers.first(name: "content-encoding")?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard ["", "identity", "gzip", "x-gzip", "deflate"].contains(encoding) else {
            throw Failure.final(.unsupportedEncoding(url, encoding: encoding))
        }
        if encoding.isEmpty || encoding == "identity", let length = headers.first(name: "content-length").flatMap(Int.init),
            length > settings.maxBytes
        {
            throw Failure.final(.tooLarge(url, limit: settings.maxBytes))
        }
        for try await chunk in response.body {
            guard fetched.body.count + chunk.readableBytes <= settings.maxBytes else {
                throw Failure.final(.tooLarge(url, limit: settings.maxBytes))
            }
            fetched.body.append(contentsOf: chunk.readableBytesView)
        }
        return .response(fetched)
    }

    private static let accept =
        "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

    /// A Retry-After header's wait: seconds, or an HTTP date.
    static func retryAfter(_ value: String) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return seconds >= 0 ? .seconds(seconds) : nil }
        guard let date = InternetDate.parse(trimmed) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSinceNow.rounded(.up))))
    }

    /// What the HTTP client threw, as a fetch error.
    static func mapped(_ error: any Error, url: String, limit: Int) -> FetchError {
        if let error = error as? FetchError { return error }
        if let error = error as? HTTPClientError {
            switch error {
            case .readTimeout, .deadlineExceeded: return .timedOut(url)
            case .connectTimeout: return .connection(url, reason: "no connection in time")
            default: return .connection(url, reason: "\(error)")
            }
        }
        if let error = error as? NIOHTTPDecompression.DecompressionError {
            return error == .limit ? .tooLarge(url, limit: limit) : .connection(url, reason: "the compressed body is broken")
        }
        return .connection(url, reason: "\(error)")
    }

    static func amount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
