import DossierStore
import Hummingbird

/// `GET /network?actor=&since=&until=&limit=`: pairs of actors, weighted by the events between them (those dated from
/// `since` to `until`, when given) and their Goldstein scores.
///
///     curl -s 'localhost:8080/network?actor=Russia&since=2023-07&until=2023-09&limit=20'
struct NetworkRoutes: Sendable {
    let queries: StoreQueries

    func add(to router: Router<BasicRequestContext>) {
        router.get("/network") { request, _ in try network(QueryParameters(request)) }
    }

    func network(_ parameters: QueryParameters) throws -> JSONBody {
        let (since, until) = try parameters.dateRange()
        return JSONBody(
            try queries.network(actor: parameters.text("actor"), since: since, until: until, limit: try parameters.limit(standard: 50)))
    }
}
