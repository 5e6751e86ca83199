/// Why a URL could not be fetched; the description names the URL and the reason, for a line on standard error.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The address guard refused the URL.
    case refused(String, Refusal)
    case unresolved(String, host: String)
    case disallowedByRobots(String)
    case tooManyRedirects(String, limit: Int)
    case redirectLoop(String)
    case badRedirect(String, location: String)
    /// The server answered with an error status (after the retries allowed).
    case status(String, Int)
    case tooLarge(String, limit: Int)
    case timedOut(String)
    case connection(String, reason: String)
    case unsupportedEncoding(String, encoding: String)
    case badURL(String)

    /// Why the address guard refused a URL.
    public enum Refusal: Sendable, Equatable, CustomStringConvertible {
        case scheme(String)
        case port(Int)
        case credentials
        case oddHost(String)
        case address(IPAddress, AddressKind)

        public var description: String {
            switch self {
            case .scheme(let scheme): "the scheme '\(scheme)' is not http or https"
            case .port(let port): "port \(port) is not allowed (80 and 443 are)"
            case .credentials: "URLs with a user name or password are not fetched"
            case .oddHost(let host): "'\(host)' is no host name or address"
            case .address(let address, let kind): "its address \(address) is \(kind), not on the public Internet"
            }
        }
    }

    /// The URL that failed.
    public var url: String {
        switch self {
        case .refused(let url, _), .unresolved(let url, _), .disallowedByRobots(let url), .tooManyRedirects(let url, _),
            .redirectLoop(let url), .badRedirect(let url, _), .status(let url, _), .tooLarge(let url, _), .timedOut(let url),
            .connection(let url, _), .unsupportedEncoding(let url, _), .badURL(let url):
            url
        }
    }

    public var description: String { "\(url): \(reason)" }

    /// The reason alone.
    public var reason: String {
        switch self {
        case .refused(_, let refusal): "refused: \(refusal)"
        case .unresolved(_, let host): "the host '\(host)' cannot be resolved"
        case .disallowedByRobots: "the site's robots.txt disallows it"
        case .tooManyRedirects(_, let limit): "more than \(limit) redirects"
        case .redirectLoop: "the redirects loop"
        case .badRedirect(_, let location): "a redirect to '\(location)', which is no http(s) URL"
        case .status(_, let code): "the server answered \(code)"
        case .tooLarge(_, let limit): "the response is larger than \(limit) bytes; reading stopped there"
        case .timedOut: "no answer in time"
        case .connection(_, let reason): "the connection failed: \(reason)"
        case .unsupportedEncoding(_, let encoding):
            encoding == "br"
                ? "the body is brotli-encoded ('br'), which this build cannot decode (gzip and deflate it can)"
                : "the body's content encoding '\(encoding)' is not supported (gzip and deflate are)"
        case .badURL: "not an http(s) URL"
        }
    }

    /// Whether trying again later may succeed: a server error, a rate limit or a failed connection.
    var isTransient: Bool {
        switch self {
        case .status(_, let code): code == 429 || code == 500 || code == 502 || code == 503 || code == 504
        case .connection: true
        default: false
        }
    }
}
