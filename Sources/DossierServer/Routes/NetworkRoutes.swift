import DossierStore
import Hummingbird

/// `GET /network?actor=&limit=`: pairs of actors, weighted by the events between them and their Goldstein scores.
///
///     curl -s 'localhost:8080/network?actor=Russia&limit=20'
struct NetworkRoutes: Sendable {
    let queries: StoreQueries

    func add(to router: Router<BasicRequestContext>) {
        router.get("/network") { request, _ in try network(QueryParameters(request)) }
    }

    func network(_ parameters: QueryParameters) throws -> JSONBody {
        JSONBody(try queries.network(actor: parameters.text("actor"), limit: try parameters.limit(standard: 50)))
    }
}
