/// How ``Fetcher`` fetches: who it says it is, how long it waits, how much it reads, how often it asks one host, and
/// how it tries again.
///
/// ```swift
/// var settings = FetchSettings()
/// settings.maxBytes = 2 << 20
/// settings.hostInterval = .seconds(2)
/// let fetcher = Fetcher(settings: settings)
/// ```
public struct FetchSettings: Sendable {
    /// The version named in the User-Agent.
    public static let version = "0.1"

    /// The robots.txt product token, and the start of the User-Agent.
    public var productToken = "Dossier"
    /// Where a site's operator can reach whoever runs this crawler (a URL or an address), added to the User-Agent.
    public var contact: String?
    public var guardian = AddressGuard()
    public var connectTimeout: Duration = .seconds(10)
    /// The longest silence while waiting for the answer or its next bytes.
    public var readTimeout: Duration = .seconds(20)
    /// The longest a whole request may take, body included, so that a server trickling bytes cannot hold it.
    public var totalTimeout: Duration = .seconds(60)
    /// Bodies larger than this (after decompression) are refused; reading stops there.
    public var maxBytes = 10 << 20
    public var maxRedirects = 5
    /// Tries after the first, on 429, 500, 502, 503, 504 and failed connections.
    public var retries = 2
    /// The wait before the first retry, doubled for each next one.
    public var backoff: Duration = .milliseconds(500)
    /// A server's Retry-After is honoured up to this; asking for longer ends the tries.
    public var longestRetryAfter: Duration = .seconds(30)
    /// The least time between two requests to one host.
    public var hostInterval: Duration = .seconds(1)
    public var obeysRobots = true

    public init() {}

    /// `Dossier/0.1 (news reader; +CONTACT)`.
    public var userAgent: String {
        "\(productToken)/\(Self.version) (news reader; obeys robots.txt\(contact.map { "; +\($0)" } ?? ""))"
    }
}
