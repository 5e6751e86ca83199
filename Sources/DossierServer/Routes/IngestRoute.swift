import Crypto
import DossierCore
import DossierStore
import Foundation
import Hummingbird

/// `POST /articles?date=YYYY-MM-DD`: reads the report in the body (text or a web page), as `POST /extract` does, and
/// stores it, answering its id (the hash `GET /articles/{id}` takes) and whether it was new (201) or stored already
/// (200). Off unless the server was given a token (`dossier serve --allow-ingest`); then only a request that carries it
/// as `Authorization: Bearer TOKEN` is taken (401 otherwise).
///
///     curl -s -X POST -H "Authorization: Bearer $DOSSIER_INGEST_TOKEN" --data-binary @report.txt localhost:8080/articles
struct IngestRoute: Sendable {
    let store: Store
    let reader: ReportReader
    let maxBytes: Int
    /// The bearer token that allows ingesting; nil turns the route off.
    let token: String?

    func add(to router: Router<BasicRequestContext>) {
        router.post("/articles") { request, _ in try await ingest(request) }
    }

    func ingest(_ request: Request) async throws -> JSONBody {
        try authorize(request)
        let (article, reader) = try await ExtractRoute.article(posted: request, reader: reader, maxBytes: maxBytes)
        let failures = Locked<[String]>([])
        let result = try await offloaded { [store, reader] in
            try Ingester(store: store, reader: reader, jobs: 1).run([.loaded(article)]) { message in
                failures.withLock { $0.append(message) }
            }
        }
        if let failure = failures.withLock({ $0.first }) { throw APIError(status: .unprocessableContent, message: failure) }
        let id = ArticleRecord.hash(of: article.text)
        return JSONBody(status: result.added > 0 ? .created : .ok) { json in
            json.field("id", id)
            json.key("added")
            json.bool(result.added > 0)
        }
    }

    /// Refuses a request when ingesting is off (403) or its bearer token is not the server's (401).
    func authorize(_ request: Request) throws {
        guard let token else {
            throw APIError(status: .forbidden, message: "ingesting is off: start the server with --allow-ingest")
        }
        let given = request.headers[.authorization].flatMap { value -> Substring? in
            let parts = value.split(separator: " ", maxSplits: 1)
            return parts.count == 2 && parts[0].lowercased() == "bearer" ? parts[1] : nil
        }
        // Compared as digests, in time that does not depend on where they differ.
        guard let given, SHA256.hash(data: Data(given.utf8)) == SHA256.hash(data: Data(token.utf8)) else {
            throw APIError(
                status: .unauthorized, message: "a valid Authorization: Bearer token is needed to ingest",
                headers: [.wwwAuthenticate: "Bearer"])
        }
    }
}
