import DossierCore
import DossierServer
import DossierStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /articles`: off by default; with a token, only for requests that carry it.
@Suite struct IngestRouteTests {
    static let report = "Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday, state media said."

    /// A server over a store of its own (the corpus server's is shared by other tests), with `token` if given.
    func withIngestClient(token: String?, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let temporary = try TemporaryStore(ingesting: [])
        defer { temporary.remove() }
        let server = Server(store: temporary.store, options: ServerOptions(ingestToken: token))
        try await Application(router: server.router()).test(.router, body)
    }

    func post(_ client: any TestClientProtocol, authorization: String?) async throws -> (HTTPResponse.Status, [String: Any], String?) {
        var headers: HTTPFields = [:]
        if let authorization { headers[.authorization] = authorization }
        return try await client.execute(
            uri: "/articles?date=2023-07-27", method: .post, headers: headers, body: ByteBuffer(string: Self.report)
        ) {
            response in
            expectSafeHeaders(response)
            return (response.status, try #require(try json(response) as? [String: Any]), response.headers[.wwwAuthenticate])
        }
    }

    @Test func ingestingIsOffUnlessTheServerHasAToken() async throws {
        try await withIngestClient(token: nil) { client in
            let (status, body, _) = try await post(client, authorization: "Bearer anything")
            #expect(status == .forbidden)
            #expect((body["error"] as? String)?.contains("--allow-ingest") == true)
        }
    }

    @Test(arguments: [nil, "Bearer wrong", "Basic secret", "secret", "Bearer"] as [String?])
    func aRequestWithoutTheTokenIsRefused(authorization: String?) async throws {
        try await withIngestClient(token: "secret") { client in
            let (status, _, challenge) = try await post(client, authorization: authorization)
            #expect(status == .unauthorized)
            #expect(challenge == "Bearer")
            #expect(try await rows("/articles", client).isEmpty)
        }
    }

    @Test func aReportPostedWithTheTokenIsStoredOnce() async throws {
        try await withIngestClient(token: "secret") { client in
            let (status, body, _) = try await post(client, authorization: "Bearer secret")
            #expect(status == .created)
            #expect(body["added"] as? Bool == true)
            let id = try #require(body["id"] as? String)
            let (found, article) = try await get("/articles/\(id)", client)
            #expect(found == .ok)
            #expect(((article as? [String: Any])?["events"] as? [Any])?.isEmpty == false)
            // The same report again: stored already.
            let (again, second, _) = try await post(client, authorization: "bearer secret")
            #expect(again == .ok)
            #expect(second["added"] as? Bool == false && second["id"] as? String == id)
            #expect(try await rows("/articles", client).count == 1)
        }
    }
}

/// `GET /metrics`: request counts and latencies by route, in Prometheus's text format.
@Suite struct MetricsRouteTests {
    @Test func requestsAreCountedByRouteMethodAndStatus() async throws {
        let temporary = try TemporaryStore(ingesting: [])
        defer { temporary.remove() }
        let server = Server(store: temporary.store)
        try await Application(router: server.router()).test(.router) { client in
            for _ in 0..<3 { _ = try await client.execute(uri: "/healthz", method: .get) { $0.status } }
            _ = try await client.execute(uri: "/articles/nothing-has-this-id", method: .get) { $0.status }
            let text = try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                return String(buffer: response.body)
            }
            #expect(text.contains(#"dossier_http_requests_total{route="/healthz",method="GET",status="200"} 3"#))
            // The route's pattern, not the address: an id makes no series of its own.
            #expect(text.contains(#"dossier_http_requests_total{route="/articles/{id}",method="GET",status="404"} 1"#))
            #expect(!text.contains("nothing-has-this-id"))
            #expect(text.contains(#"dossier_http_request_duration_seconds_bucket{route="/healthz",method="GET",le="+Inf"} 3"#))
        }
    }
}
