import Foundation

/// The robots.txt rules of each site a run visits, fetched once a site (scheme, host and port) and kept for the run.
///
/// A robots.txt that is missing or answered 4xx allows everything; one the server fails to give (5xx, no answer)
/// disallows everything, as RFC 9309 asks.
actor RobotsCache {
    private var sites: [String: Task<RobotsRules, Never>] = [:]
    let productToken: String

    init(productToken: String) { self.productToken = productToken }

    /// The rules for the target's site, fetching its robots.txt with `fetch` the first time.
    func rules(for target: GuardedTarget, fetch: @escaping @Sendable (URL) async throws(FetchError) -> FetchResponse) async -> RobotsRules {
        let scheme = target.url.scheme?.lowercased() ?? "http"
        let hostPart = target.host.contains(":") ? "[\(target.host)]" : target.host
        let site = "\(scheme)://\(hostPart):\(target.port)"
        if let known = sites[site] { return await known.value }
        let token = productToken
        let task = Task<RobotsRules, Never> {
            guard let url = URL(string: "\(site)/robots.txt") else { return .allowAll }
            do throws(FetchError) {
                let response = try await fetch(url)
                return RobotsRules(String(decoding: response.body.prefix(RobotsRules.maximumBytes), as: UTF8.self), userAgent: token)
            } catch .status(_, let code) where (400..<500).contains(code) {
                return .allowAll
            } catch .status, .timedOut, .connection {
                return .disallowAll
            } catch {
                return .allowAll
            }
        }
        sites[site] = task
        return await task.value
    }
}
