import DossierStore
import Hummingbird

/// `GET /quotes?speaker=&limit=`: quotes and reported speech, by date.
///
///     curl -s 'localhost:8080/quotes?speaker=Sergei%20Shoigu&limit=10'
struct QuoteRoutes: Sendable {
    let queries: StoreQueries

    func add(to router: Router<BasicRequestContext>) {
        router.get("/quotes") { request, _ in try quotes(QueryParameters(request)) }
    }

    func quotes(_ parameters: QueryParameters) throws -> JSONBody {
        JSONBody(try queries.quotes(speaker: parameters.text("speaker"), limit: try parameters.limit(standard: 100)))
    }
}
