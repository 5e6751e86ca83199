import DossierStore
import Hummingbird

/// `GET /claims?limit=`: claims, by date, with who asserts and who denies each.
///
///     curl -s 'localhost:8080/claims?limit=10'
struct ClaimRoutes: Sendable {
    let queries: StoreQueries

    func add(to router: Router<BasicRequestContext>) {
        router.get("/claims") { request, _ in try claims(QueryParameters(request)) }
    }

    func claims(_ parameters: QueryParameters) throws -> JSONBody {
        JSONBody(try queries.claims(limit: try parameters.limit(standard: 100)))
    }
}
