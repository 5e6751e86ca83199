import DossierCore
import DossierServer
import DossierStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Reports written for these tests: one meeting reported by two outlets, and a page whose title and body hold a script
/// and an image that runs one.
enum Corpus {
    static let script = "<script>alert(1)</script>"
    static let image = "<img src=x onerror=alert(1)>"

    static let all = [
        record(
            "reuters", title: "Kim meets Shoigu",
            "Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday. \"We will stand together,\" Kim said."),
        record(
            "yonhap", title: "Shoigu in Pyongyang",
            "North Korean leader Kim Jong Un met Russian Defence Minister Sergei Shoigu in Pyongyang on Wednesday."),
        record(
            "hostile", title: "Alert \(script) \(image)",
            "Joe Biden visited Kyiv on Monday. \(script) The alert was raised. \(image) Volodymyr Zelensky thanked him."),
    ]

    static func record(_ id: String, title: String, _ text: String) -> InputUnit {
        let object = ["id": id, "title": title, "text": text, "date": "2023-07-27", "url": "https://example.com/\(id)"]
        return .record(source: "corpus.jsonl:\(id)", line: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
}

/// A server over a store of ``Corpus/all`` that a suite's tests share: made once before them (the pipeline takes a
/// while to build), its store deleted after them.
struct CorpusServer: SuiteTrait, TestScoping {
    @TaskLocal static var current: Server?

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let fixture = try TemporaryStore(ingesting: Corpus.all)
        defer { fixture.remove() }
        try await Self.$current.withValue(Server(store: fixture.store), operation: function)
    }
}

extension Trait where Self == CorpusServer {
    /// The suite's tests share a server over a store of ``Corpus/all``.
    static var corpusServer: Self { CorpusServer() }
}

/// Runs `body` with a client of the suite's ``CorpusServer``, or of one with the same store and pipeline that refuses
/// bodies over `maxBytes`.
func withClient(maxBytes: Int? = nil, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let shared = try #require(CorpusServer.current, "the suite has no .corpusServer trait")
    let server = maxBytes.map { Server(store: shared.store, options: ServerOptions(maxBytes: $0), pipeline: shared.reader.pipeline) }
    try await Application(router: (server ?? shared).router()).test(.router, body)
}

/// A GET's status and its body parsed as JSON.
func get(_ uri: String, _ client: any TestClientProtocol) async throws -> (HTTPResponse.Status, Any) {
    try await client.execute(uri: uri, method: .get) { response in (response.status, try json(response)) }
}

func json(_ response: TestResponse) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
}

/// The rows of a list route.
func rows(_ uri: String, _ client: any TestClientProtocol) async throws -> [[String: Any]] {
    let (status, body) = try await get(uri, client)
    #expect(status == .ok, "\(uri)")
    return try #require(body as? [[String: Any]], "\(uri)")
}

/// The headers every answer carries: JSON, not to be sniffed, no script but the server's own.
func expectSafeHeaders(_ response: TestResponse) {
    #expect(response.headers[.contentType] == "application/json; charset=utf-8")
    #expect(response.headers[.xContentTypeOptions] == "nosniff")
    #expect(response.headers[.contentSecurityPolicy] == "default-src 'self'")
}

/// The message of an error's answer, `{"error": "…"}`.
func errorMessage(_ response: TestResponse) throws -> String? {
    (try json(response) as? [String: String])?["error"]
}
