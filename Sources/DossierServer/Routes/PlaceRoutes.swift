import DossierStore
import Hummingbird

/// `GET /places?since=&until=&limit=`: the places among the store's entities (GPE and LOC with coordinates), each with
/// the events that involve it (as source, target or place) and those that took place there, most events first.
///
///     curl -s 'localhost:8080/places?since=2023-07&until=2023-07-31&limit=100'
///     [{"key": "GPE:KP:pyongyang", "name": "Pyongyang", "type": "GPE", "latitude": 39.03, "longitude": 125.75,
///       "events": 2, "here": 2}, …]
struct PlaceRoutes: Sendable {
    let queries: StoreQueries

    func add(to router: Router<BasicRequestContext>) {
        router.get("/places") { request, _ in try places(QueryParameters(request)) }
    }

    func places(_ parameters: QueryParameters) throws -> JSONBody {
        let (since, until) = try parameters.dateRange()
        return JSONBody(try queries.places(since: since, until: until, limit: try parameters.limit(standard: 500)))
    }
}
