import Foundation

/// Decides whether a URL from a feed, a page or a redirect may be fetched (a guard against server-side request forgery):
/// only http and https, only ports 80 and 443, no credentials, and a host whose every address is on the public
/// Internet. The address checked is the address connected to (``GuardedTarget/address``), so a name that resolves
/// to another address a moment later (DNS rebinding) changes nothing.
///
/// ```swift
/// let target = try await AddressGuard().check(URL(string: "https://example.com/news")!)
/// // target.address: the public address to connect to
/// try await AddressGuard().check(URL(string: "http://169.254.169.254/")!)   // throws: link-local
/// ```
public struct AddressGuard: Sendable {
    /// Kinds of address let through besides ``AddressKind/global``.
    public var allowedKinds: Set<AddressKind>
    public var allowedPorts: Set<Int>
    public var resolver: any HostResolver

    /// The default guard refuses every address but public ones; `allowPrivate` lets this machine and its networks
    /// through (``AddressKind/privateKinds``), as tests and local servers need.
    public init(
        allowPrivate: Bool = false, allowedPorts: Set<Int> = [80, 443], resolver: any HostResolver = SystemResolver()
    ) {
        self.allowedKinds = allowPrivate ? AddressKind.privateKinds : []
        self.allowedPorts = allowedPorts
        self.resolver = resolver
    }

    /// The address to connect to for `url`, or why it may not be fetched.
    public func check(_ url: URL) async throws(FetchError) -> GuardedTarget {
        let text = url.absoluteString
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .refused(text, .scheme(url.scheme ?? ""))
        }
        guard url.user == nil && url.password == nil else { throw .refused(text, .credentials) }
        guard let host = Self.host(of: url) else { throw .refused(text, .oddHost(url.host ?? "")) }
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        guard allowedPorts.contains(port) else { throw .refused(text, .port(port)) }
        let addresses: [IPAddress]
        if let literal = IPAddress(host) {
            addresses = [literal]
        } else {
            addresses = try await resolver.addresses(of: host)
        }
        for address in addresses {
            let kind = AddressKind(address)
            if kind != .global && !allowedKinds.contains(kind) { throw .refused(text, .address(address, kind)) }
        }
        return GuardedTarget(url: url, host: host, port: port, address: addresses[0])
    }

    /// The URL's host, lowercased, without brackets; nil when it holds what no host name or address holds
    /// (percent signs, spaces, other punctuation).
    static func host(of url: URL) -> String? {
        guard var host = url.host(percentEncoded: true)?.lowercased(), !host.isEmpty else { return nil }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.contains(":") { return IPAddress(host) == nil ? nil : host }
        let allowed = host.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-._".unicodeScalars.contains($0))
        }
        return allowed ? host : nil
    }
}

/// A URL the guard let through, with the address its connection must go to.
public struct GuardedTarget: Sendable {
    public var url: URL
    /// The host as written (lowercased): the name TLS validates.
    public var host: String
    public var port: Int
    /// The checked address the connection is pinned to.
    public var address: IPAddress
}
