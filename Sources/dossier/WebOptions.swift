import ArgumentParser
import DossierCore
import DossierWeb
import Foundation

/// How `fetch` and `watch` fetch: the address guard's exceptions, size and time limits, politeness.
struct WebOptions: ParsableArguments {
    @Flag(
        help: """
            Let URLs reach this machine and private networks (loopback, 10/8, 172.16/12, 192.168/16, link-local, \
            100.64/10, fc00::/7): for tests and local servers only.
            """)
    var allowPrivate = false

    @Option(name: .customLong("allow-port"), help: "Allow a port besides 80 and 443 (repeat it for several).")
    var allowedPorts: [Int] = []

    @Option(help: "Refuse a response body larger than this many bytes (after decompression).")
    var maxPageBytes = 10 << 20

    @Option(help: "Seconds a request may take in all, body included.")
    var timeout: Double = 60

    @Option(help: "Least seconds between two requests to one host.")
    var hostInterval: Double = 1

    @Option(help: "A URL or address where site operators can reach you, added to the User-Agent.")
    var contact: String?

    func validate() throws {
        if maxPageBytes <= 0 { throw ValidationError("--max-page-bytes must be positive") }
        if !(timeout > 0 && timeout <= 3600) { throw ValidationError("--timeout must be a number of seconds from 0 to 3600") }
        if !(hostInterval >= 0 && hostInterval <= 3600) { throw ValidationError("--host-interval must be 0 to 3600 seconds") }
        if let port = allowedPorts.first(where: { !(1...65535).contains($0) }) { throw ValidationError("--allow-port \(port): not a port") }
    }

    var settings: FetchSettings {
        var settings = FetchSettings()
        settings.guardian = AddressGuard(allowPrivate: allowPrivate, allowedPorts: Set([80, 443] + allowedPorts))
        settings.maxBytes = maxPageBytes
        settings.totalTimeout = .milliseconds(Int64(timeout * 1000))
        settings.readTimeout = min(settings.readTimeout, settings.totalTimeout)
        settings.connectTimeout = min(settings.connectTimeout, settings.totalTimeout)
        settings.hostInterval = .milliseconds(Int64(hostInterval * 1000))
        settings.contact = contact
        return settings
    }

    /// What guard refuses, for the commands' help.
    static let guardHelp = """
        Every URL, from the command line, a feed or a redirect, is checked before it is fetched: only http and https, \
        only ports 80 and 443, no user:password@, and a host whose every address is on the public Internet (no \
        loopback, private, link-local, shared 100.64/10, unique-local, multicast, unspecified, documentation, \
        benchmarking or reserved address, IPv4 or IPv6, IPv4-mapped IPv6 and odd forms such as 0x7f.1 included). The \
        connection goes to the address checked, so DNS rebinding cannot swap it. robots.txt is obeyed, one host is \
        asked at most once a --host-interval, 429 and 5xx answers are tried again after a wait, at most 5 redirects.
        """
}

/// URLs from the command line, each checked as one.
func parsedURLs(_ texts: [String]) throws -> [URL] {
    try texts.map { text in
        guard let url = URL(string: text), url.canonical != nil else { throw ValidationError("'\(text)' is not an http(s) URL") }
        return url
    }
}

/// Writes a line to standard error.
@Sendable func reportLine(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
