import Foundation

extension URL {
    /// The form under which a URL is fetched once a run and remembered across runs: no fragment, scheme and host in
    /// lowercase, no default port, and `/` for an empty path. Nil for a URL that is not http(s) with a host.
    ///
    /// ```swift
    /// URL(string: "HTTPS://Example.COM:443#top")!.canonical   // https://example.com/
    /// ```
    public var canonical: URL? {
        guard var parts = URLComponents(url: self, resolvingAgainstBaseURL: true),
            let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = parts.host, !host.isEmpty
        else { return nil }
        parts.scheme = scheme
        parts.host = host.lowercased()
        parts.fragment = nil
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) { parts.port = nil }
        if parts.percentEncodedPath.isEmpty { parts.percentEncodedPath = "/" }
        return parts.url
    }
}
